using OneStop.Platform.Web;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>Hợp nhất (into a successor agency) or giải thể (no successor) of an agency on a date.</summary>
public sealed record RetireAgencyRequest(Guid? SuccessorId, DateOnly? EffectiveOn) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (EffectiveOn is null || EffectiveOn.Value.Year is < 2000 or > 2100)
        {
            yield return new(nameof(EffectiveOn), "Ngày có hiệu lực bắt buộc, trong khoảng năm 2000–2100.");
        }
    }
}
