using OneStop.Platform.Web;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// Sáp nhập (one successor), chia tách (several; the first is primary and keeps the archive) or giải thể of a unit on
/// a date. Successors are units valid on that date.
/// </summary>
public sealed record RetireUnitRequest(IReadOnlyList<Guid>? SuccessorIds, DateOnly? EffectiveOn, string? Note) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (SuccessorIds is not { Count: > 0 } || SuccessorIds.Count > 20)
        {
            yield return new(nameof(SuccessorIds), "Chọn từ 1 đến 20 đơn vị kế thừa; đơn vị đầu tiên là đơn vị kế thừa chính.");
        }
        else if (SuccessorIds.Distinct().Count() != SuccessorIds.Count)
        {
            yield return new(nameof(SuccessorIds), "Một đơn vị kế thừa được chọn hai lần.");
        }

        if (EffectiveOn is null || EffectiveOn.Value.Year is < 2000 or > 2100)
        {
            yield return new(nameof(EffectiveOn), "Ngày có hiệu lực bắt buộc, trong khoảng năm 2000–2100.");
        }

        if (Note is { Length: > 128 })
        {
            yield return new(nameof(Note), "Ghi chú tối đa 128 ký tự.");
        }
    }
}
