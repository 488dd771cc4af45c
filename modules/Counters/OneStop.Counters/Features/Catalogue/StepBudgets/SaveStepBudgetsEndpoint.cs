using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Features.Catalogue.GetProcedure;
using OneStop.Platform;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Catalogue.StepBudgets;

/// <summary>
/// A step of an internal process: its name, who performs it (<see cref="ProcessStepKinds"/>; null = processing), the
/// agency by code when another agency or one of the unit's offices performs it, and its budget in working hours.
/// </summary>
internal sealed record StepBudgetDto(string Name, decimal BudgetHours, string? Kind = null, string? AgencyCode = null);

/// <summary>
/// Quy trình nội bộ of a procedure, replacing the one approved for <see cref="EffectiveFrom"/> (today when absent):
/// dossiers received from that day follow it, earlier ones keep theirs.
/// </summary>
internal sealed record SaveStepBudgetsRequest(IReadOnlyList<StepBudgetDto> Steps, DateOnly? EffectiveFrom = null);

internal sealed class SaveStepBudgetsRequestValidator : AbstractValidator<SaveStepBudgetsRequest>
{
    public SaveStepBudgetsRequestValidator() =>
        RuleFor(r => r.Steps).Must(s => s is { Count: > 0 and <= 50 }).WithErrorCode(CountersMessages.StepsCount)
            .DependentRules(() =>
            {
                RuleFor(r => r.Steps).Must(s => s.All(x => x is not null && !string.IsNullOrWhiteSpace(x.Name) && x.Name.Length <= 512)).WithErrorCode(CountersMessages.StepNameRequired);
                RuleFor(r => r.Steps).Must(s => s.All(x => x is null || x.BudgetHours is >= 0 and <= 100_000)).WithErrorCode(CountersMessages.StepBudgetPositive);
                RuleFor(r => r.Steps).Must(s => s.All(x => x is null || x.Kind is null || ProcessStepKinds.All.Contains(x.Kind))).WithErrorCode(CountersMessages.StepKindInvalid);
                RuleFor(r => r.Steps).Must(s => s.All(x => x is null || x.Kind != ProcessStepKinds.Agency || !string.IsNullOrWhiteSpace(x.AgencyCode)))
                    .WithErrorCode(CountersMessages.StepAgencyRequired);
                RuleFor(r => r.Steps).Must(s => s.Where(x => x is not null).Sum(x => x.BudgetHours) > 0).WithErrorCode(CountersMessages.StepBudgetPositive);
            });
}

/// <summary>PUT the internal process of a procedure; the page of the catalogue calls the same handler.</summary>
internal static class SaveStepBudgetsEndpoint
{
    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapPut("/procedures/{code}/steps", Save).RequirePermission(CountersPermissions.CatalogueManage)
            .Validate<SaveStepBudgetsRequest>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Lưu quy trình nội bộ: các bước, người hoặc cơ quan thực hiện, thời gian từng bước; tổng không vượt thời hạn giải quyết; áp dụng từ ngày hiệu lực");

    internal static async Task<Results<Ok<IReadOnlyList<StepDto>>, ProblemHttpResult>> Save(
        InternalProcessEditor editor, string code, SaveStepBudgetsRequest request, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await editor.SaveAsync(code, request, ct));
        }
        catch (PlatformException e) when (e.Code == CountersErrorCodes.ProcedureNotFound)
        {
            return CountersProblems.NotFound(CountersErrorCodes.ProcedureNotFound, CountersMessages.ProcedureCodeNotFound, code);
        }
    }
}
