using OneStop.Platform.Web;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>Đổi tên đơn vị hành chính: the identity and the data stay, the name changes on the date.</summary>
public sealed record RenameUnitRequest(string? Name, DateOnly? EffectiveOn) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 256)
        {
            yield return new(nameof(Name), "Tên mới bắt buộc, tối đa 256 ký tự.");
        }

        if (EffectiveOn is null || EffectiveOn.Value.Year is < 2000 or > 2100)
        {
            yield return new(nameof(EffectiveOn), "Ngày có hiệu lực bắt buộc, trong khoảng năm 2000–2100.");
        }
    }
}
