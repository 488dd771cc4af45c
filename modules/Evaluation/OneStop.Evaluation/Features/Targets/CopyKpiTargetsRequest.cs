using FluentValidation;

namespace OneStop.Evaluation.Features.Targets;

/// <summary>Copies every target of <see cref="Year"/> to the year after (those the next year already has stay as they are).</summary>
internal sealed record CopyKpiTargetsRequest(int Year);

internal sealed class CopyKpiTargetsRequestValidator : AbstractValidator<CopyKpiTargetsRequest>
{
    public CopyKpiTargetsRequestValidator() => RuleFor(r => r.Year).InclusiveBetween(2021, 2099).WithErrorCode(EvaluationMessages.TargetYearOutOfRange);
}
