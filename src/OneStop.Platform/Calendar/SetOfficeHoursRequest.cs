using FluentValidation;
using OneStop.Platform.Domain;

namespace OneStop.Platform.Calendar;

/// <summary>Giờ làm việc of a unit, as "HH:mm" local Vietnam time; the four must total 8 hours.</summary>
internal sealed record SetOfficeHoursRequest(string MorningStart, string MorningEnd, string AfternoonStart, string AfternoonEnd)
{
    public OfficeHours? Parse() =>
        VietnamTime.TryParseClock(MorningStart, out var ms) && VietnamTime.TryParseClock(MorningEnd, out var me)
        && VietnamTime.TryParseClock(AfternoonStart, out var a) && VietnamTime.TryParseClock(AfternoonEnd, out var ae)
            ? new(ms, me, a, ae)
            : null;
}

internal sealed class SetOfficeHoursRequestValidator : AbstractValidator<SetOfficeHoursRequest>
{
    public SetOfficeHoursRequestValidator()
    {
        RuleFor(r => r.MorningStart).Must((r, _) => r.Parse() is not null).WithErrorCode(CalendarMessages.TimeInvalid);
        // The schedule's own checks, named by code; only once the four times read.
        RuleFor(r => r.AfternoonEnd).Must((r, _) => r.Parse()!.InOrder).When(r => r.Parse() is not null)
            .WithErrorCode(CalendarMessages.HoursOutOfOrder);
        RuleFor(r => r.AfternoonEnd).Must((r, _) => r.Parse()!.DailyWorkingTime == OfficeHours.WorkingDay).When(r => r.Parse() is { InOrder: true })
            .WithErrorCode(CalendarMessages.HoursNotEight)
            .WithMessage(r => OneStop.Platform.Localization.Messages.Text(CalendarMessages.HoursNotEight, r.Parse()!.DailyHours));
    }
}
