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
internal sealed record SaveStepBudgetsRequest(IReadOnlyList<StepBudgetDto> Steps) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (Steps is null || Steps.Count == 0 || Steps.Count > 50)
        {
            yield return new(nameof(Steps), "Cần từ 1 đến 50 bước xử lý.");
            yield break;
        }

        if (Steps.Any(s => string.IsNullOrWhiteSpace(s.Name) || s.Name.Length > 512))
        {
            yield return new(nameof(Steps), "Mỗi bước cần tên (tối đa 512 ký tự).");
        }

        if (Steps.Any(s => s.BudgetHours <= 0))
        {
            yield return new(nameof(Steps), "Thời gian của mỗi bước phải lớn hơn 0 giờ làm việc.");
        }
    }
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
            return CountersProblems.NotFound(CountersErrorCodes.ProcedureNotFound, $"Không tìm thấy thủ tục '{code}'.");
        }

        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(clock.GetUtcNow()));
        var shortest = procedure.LegalTimesOn(today).Select(t => new LegalTime(t.Value, t.Unit)).OrderBy(t => t.WorkingTime).FirstOrDefault();
        if (shortest is null)
        {
            return CountersProblems.Problem(CountersErrorCodes.LegalTimeUnknown,
                "Thủ tục chưa có thời hạn giải quyết tính theo ngày/giờ làm việc, chưa thể phân bổ thời gian cho các bước.", StatusCodes.Status422UnprocessableEntity);
        }

        var sum = request.Steps.Sum(s => s.BudgetHours);
        var limitHours = (decimal)shortest.WorkingTime.TotalHours;
        if (sum > limitHours)
        {
            return CountersProblems.Problem(CountersErrorCodes.StepBudgetsExceedLegalTime,
                $"Tổng thời gian các bước ({sum:0.##} giờ làm việc) vượt thời hạn giải quyết {shortest} ({limitHours:0.##} giờ làm việc).",
                StatusCodes.Status422UnprocessableEntity);
        }

        db.ProcedureSteps.RemoveRange(procedure.Steps);
        var order = 1;
        var steps = request.Steps.Select(s => new ProcedureStep { ProcedureId = procedure.Id, Order = order++, Name = s.Name.Trim(), BudgetHours = s.BudgetHours }).ToList();
        db.ProcedureSteps.AddRange(steps);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok<IReadOnlyList<StepDto>>(steps.Select(s => new StepDto(s.Order, s.Name, s.BudgetHours)).ToList());
    }
}
