using FluentValidation;
using OneStop.PlanTasks.Domain;

namespace OneStop.PlanTasks.Features.PlanEditing;

/// <summary>A plan as the provincial office enters it (số kế hoạch, trích yếu, ngày ban hành, người ký, giai đoạn, hiệu lực).</summary>
internal sealed record PlanRequest(
    string? Number, string? Title, string? Issuer, DateOnly? IssuedOn, string? Signer, int StartYear, int EndYear,
    string? Status, DateOnly? EffectiveFrom, DateOnly? EffectiveTo);

internal sealed class PlanRequestValidator : AbstractValidator<PlanRequest>
{
    public PlanRequestValidator()
    {
        RuleFor(r => r.Number).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 64).WithErrorCode(PlanTasksMessages.PlanNumberRequired);
        RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= 512).WithErrorCode(PlanTasksMessages.PlanTitleRequired);
        RuleFor(r => r.Issuer).Must(i => (i ?? "").Trim().Length <= 256).WithErrorCode(PlanTasksMessages.PlanIssuerTooLong);
        RuleFor(r => r.Signer).Must(s => (s ?? "").Trim().Length <= 256).WithErrorCode(PlanTasksMessages.PlanSignerTooLong);
        RuleFor(r => r.EndYear).Must((r, end) => r.StartYear is >= 2021 and <= 2100 && end >= r.StartYear && end <= r.StartYear + 10)
            .WithErrorCode(PlanTasksMessages.PlanPeriodInvalid);
        RuleFor(r => r.Status).Must(s => PlanStatuses.Stored.Contains(s)).WithErrorCode(PlanTasksMessages.PlanStatusInvalid);
        RuleFor(r => r.EffectiveFrom).Must((r, from) => r.Status != PlanStatuses.Issued || (from is not null && r.IssuedOn is not null))
            .WithErrorCode(PlanTasksMessages.PlanIssuedNeedsDates);
        RuleFor(r => r.EffectiveTo).Must((r, to) => to is null || r.EffectiveFrom is null || to >= r.EffectiveFrom)
            .WithErrorCode(PlanTasksMessages.PlanEffectiveRangeInvalid);
    }
}

/// <summary>Nhóm nhiệm vụ: its title; its letter follows its place.</summary>
internal sealed record GroupRequest(string? Title);

internal sealed class GroupRequestValidator : AbstractValidator<GroupRequest>
{
    public GroupRequestValidator() =>
        RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= 512).WithErrorCode(PlanTasksMessages.GroupTitleRequired);
}

/// <summary>Moves a group or a task one place <c>up</c> or <c>down</c>.</summary>
internal sealed record MoveRequest(string? Direction);

internal sealed class MoveRequestValidator : AbstractValidator<MoveRequest>
{
    public MoveRequestValidator() =>
        RuleFor(r => r.Direction).Must(d => d is "up" or "down").WithErrorCode(PlanTasksMessages.MoveDirectionInvalid);
}

/// <summary>
/// Nhiệm vụ: title, cơ quan chủ trì and cơ quan phối hợp as references chosen from the lists
/// (<c>agency:STTTT</c>, <c>kind:department</c>, <c>level:commune</c>), thời gian hoàn thành and sản phẩm.
/// A deadline without a year recurs yearly (a day or a quarter).
/// </summary>
internal sealed record TaskRequest(
    string? Title, IReadOnlyList<string>? Leads, IReadOnlyList<string>? Coordinators, string? DeadlineKind,
    int? DeadlineYear, int? DeadlineMonth, int? DeadlineDay, int? DeadlineQuarter, string? Products);

internal sealed class TaskRequestValidator : AbstractValidator<TaskRequest>
{
    public TaskRequestValidator()
    {
        RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= 2000).WithErrorCode(PlanTasksMessages.TaskTitleRequired);
        RuleFor(r => r.Leads).Must(l => l is { Count: > 0 } && l.All(x => !string.IsNullOrWhiteSpace(x))).WithErrorCode(PlanTasksMessages.TaskLeadRequired);
        RuleFor(r => r.Products).Must(p => (p ?? "").Trim().Length <= 2000).WithErrorCode(PlanTasksMessages.TaskProductsTooLong);
        RuleFor(r => r.DeadlineKind).Must(k => CompletionKinds.Editable.Contains(k)).WithErrorCode(PlanTasksMessages.DeadlineKindInvalid);
        RuleFor(r => r.DeadlineDay).Must((r, _) => IsDate(r.DeadlineYear, r.DeadlineMonth, r.DeadlineDay))
            .When(r => r.DeadlineKind == CompletionKinds.Date).WithErrorCode(PlanTasksMessages.DeadlineDateInvalid);
        RuleFor(r => r.DeadlineMonth).Must((r, m) => r.DeadlineYear is not null && m is >= 1 and <= 12)
            .When(r => r.DeadlineKind == CompletionKinds.Month).WithErrorCode(PlanTasksMessages.DeadlineMonthInvalid);
        RuleFor(r => r.DeadlineQuarter).Must(q => q is >= 1 and <= 4)
            .When(r => r.DeadlineKind == CompletionKinds.Quarter).WithErrorCode(PlanTasksMessages.DeadlineQuarterInvalid);
    }

    // A yearly day is checked against a leap year, so 29/02 stays possible.
    private static bool IsDate(int? year, int? month, int? day) =>
        month is >= 1 and <= 12 && day is >= 1 && day <= DateTime.DaysInMonth(year ?? 2028, month.Value);
}
