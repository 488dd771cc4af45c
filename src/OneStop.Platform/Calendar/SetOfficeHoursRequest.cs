using OneStop.Platform.Domain;
using OneStop.Platform.Web;

namespace OneStop.Platform.Calendar;

/// <summary>Giờ làm việc of a unit, as "HH:mm" local Vietnam time; the four must total 8 hours.</summary>
internal sealed record SetOfficeHoursRequest(string MorningStart, string MorningEnd, string AfternoonStart, string AfternoonEnd) : IValidatableRequest
{
    public OfficeHours? Parse() =>
        VietnamTime.TryParseClock(MorningStart, out var ms) && VietnamTime.TryParseClock(MorningEnd, out var me)
        && VietnamTime.TryParseClock(AfternoonStart, out var a) && VietnamTime.TryParseClock(AfternoonEnd, out var ae)
            ? new(ms, me, a, ae)
            : null;

    public IEnumerable<ValidationError> Validate()
    {
        if (Parse() is not { } hours)
        {
            yield return new(nameof(MorningStart), "Giờ phải có dạng HH:mm (ví dụ 07:00).");
            yield break;
        }

        foreach (var problem in hours.Problems())
        {
            yield return new(nameof(AfternoonEnd), problem);
        }
    }
}
