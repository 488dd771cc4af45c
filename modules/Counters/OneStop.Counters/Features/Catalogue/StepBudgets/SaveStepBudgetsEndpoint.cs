using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Features.Catalogue.GetProcedure;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Features.Catalogue.StepBudgets;

internal sealed record StepBudgetDto(string Name, decimal BudgetHours);

/// <summary>The processing steps (quy trình nội bộ) of a procedure with their budgets in working hours, replacing the old list.</summary>
internal sealed record SaveStepBudgetsRequest(IReadOnlyList<StepBudgetDto> Steps);

internal sealed class SaveStepBudgetsRequestValidator : AbstractValidator<SaveStepBudgetsRequest>
{
    public SaveStepBudgetsRequestValidator() =>
        RuleFor(r => r.Steps).Must(s => s is { Count: > 0 and <= 50 }).WithErrorCode(CountersMessages.StepsCount)
            .DependentRules(() =>
            {
                RuleFor(r => r.Steps).Must(s => s.All(x => !string.IsNullOrWhiteSpace(x.Name) && x.Name.Length <= 512)).WithErrorCode(CountersMessages.StepNameRequired);
                RuleFor(r => r.Steps).Must(s => s.All(x => x.BudgetHours > 0)).WithErrorCode(CountersMessages.StepBudgetPositive);
            });
}

/// <summary>
/// The steps must fit in the legal time: their sum may not exceed the shortest legal time (over the channels) of the
/// version in force today, since the same internal process serves every channel.
/// </summary>
internal static class SaveStepBudgetsEndpoint
{
    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapPut("/procedures/{code}/steps", Save).RequirePermission(CountersPermissions.CatalogueManage)
            .Validate<SaveStepBudgetsRequest>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Lưu các bước xử lý và thời gian của từng bước; tổng không được vượt thời hạn giải quyết");

    internal static async Task<Results<Ok<IReadOnlyList<StepDto>>, ProblemHttpResult>> Save(
        CountersDbContext db, TimeProvider clock, string code, SaveStepBudgetsRequest request, CancellationToken ct)
    {
        var procedure = await db.Procedures.Include(p => p.LegalTimes).Include(p => p.Steps).FirstOrDefaultAsync(p => p.Code == code, ct);
        if (procedure is null)
        {
            return CountersProblems.NotFound(CountersErrorCodes.ProcedureNotFound, CountersMessages.ProcedureCodeNotFound, code);
        }

        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(clock.GetUtcNow()));
        var shortest = procedure.LegalTimesOn(today).Select(t => new LegalTime(t.Value, t.Unit)).OrderBy(t => t.WorkingTime).FirstOrDefault();
        if (shortest is null)
        {
            return CountersProblems.Problem(CountersErrorCodes.LegalTimeUnknown, StatusCodes.Status422UnprocessableEntity, CountersMessages.StepsNeedLegalTime);
        }

        var sum = request.Steps.Sum(s => s.BudgetHours);
        var limitHours = (decimal)shortest.WorkingTime.TotalHours;
        if (sum > limitHours)
        {
            return CountersProblems.Problem(CountersErrorCodes.StepBudgetsExceedLegalTime, StatusCodes.Status422UnprocessableEntity,
                CountersMessages.StepBudgetsExceed, sum, shortest.Value, CountersMessages.LegalTimeUnit(shortest.Unit), limitHours);
        }

        db.ProcedureSteps.RemoveRange(procedure.Steps);
        var order = 1;
        var steps = request.Steps.Select(s => new ProcedureStep { ProcedureId = procedure.Id, Order = order++, Name = s.Name.Trim(), BudgetHours = s.BudgetHours }).ToList();
        db.ProcedureSteps.AddRange(steps);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok<IReadOnlyList<StepDto>>(steps.Select(s => new StepDto(s.Order, s.Name, s.BudgetHours)).ToList());
    }
}
