using OneStop.Platform.Web;

namespace OneStop.Platform.People;

/// <summary>Grants a person roles in a unit (and optionally one agency of it) for a period.</summary>
public sealed record MembershipRequest(Guid UnitId, string? AgencyCode, IReadOnlyList<string?>? Roles, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public IEnumerable<ValidationError> Validate(string prefix)
    {
        if (UnitId == Guid.Empty)
        {
            yield return new(prefix + nameof(UnitId), "Chưa chọn đơn vị.");
        }

        if (Roles is null || Roles.Count == 0 || Roles.Any(string.IsNullOrWhiteSpace))
        {
            yield return new(prefix + nameof(Roles), "Chọn ít nhất một vai trò (không để trống).");
        }

        if (ValidFrom is { } from && ValidTo is { } to && to < from)
        {
            yield return new(prefix + nameof(ValidTo), "Ngày kết thúc hiệu lực không được trước ngày bắt đầu.");
        }

        if (ValidFrom is { Year: < 2000 or > 2100 } || ValidTo is { Year: < 2000 or > 2100 })
        {
            yield return new(prefix + nameof(ValidFrom), "Ngày hiệu lực phải trong khoảng năm 2000–2100.");
        }

        if (AgencyCode is { Length: > 32 })
        {
            yield return new(prefix + nameof(AgencyCode), "Mã cơ quan tối đa 32 ký tự.");
        }
    }
}
