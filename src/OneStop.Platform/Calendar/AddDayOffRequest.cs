using FluentValidation;
using OneStop.Platform.Localization;

namespace OneStop.Platform.Calendar;

/// <summary>Thêm ngày nghỉ / ngày làm bù.</summary>
internal sealed record AddDayOffRequest(DateOnly Date, string Kind, string Name, string? Source);

internal sealed class AddDayOffRequestValidator : AbstractValidator<AddDayOffRequest>
{
    public AddDayOffRequestValidator()
    {
        RuleFor(r => r.Kind).Must(kind => DayOffKinds.All.Contains(kind))
            .WithErrorCode(CalendarMessages.KindInvalid).WithMessage(_ => Messages.Text(CalendarMessages.KindInvalid, string.Join(", ", DayOffKinds.All)));
        RuleFor(r => r.Date).Must(date => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            .When(r => r.Kind == DayOffKinds.MakeupWorkday).WithErrorCode(CalendarMessages.MakeupMustBeWeekend);
        RuleFor(r => r.Date).Must(date => date.Year is >= 2000 and <= 2100).WithErrorCode(CalendarMessages.DateInvalid);
        RuleFor(r => r.Name).Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 256).WithErrorCode(CalendarMessages.NameRequired);
        RuleFor(r => r.Source).MaximumLength(2000).WithErrorCode(CalendarMessages.SourceTooLong);
    }
}
