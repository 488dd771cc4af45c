using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Evaluation.Contracts;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Evaluation.Features.Targets;

/// <summary>REST endpoints of KPI targets under <c>/api/v1/evaluation/kpis/targets</c>.</summary>
internal static class KpiTargetEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var targets = api.MapGroup("/kpis/targets");
        targets.MapGet("/", List).RequirePermission(EvaluationPermissions.KpiRead)
            .WithSummary("Chỉ tiêu của một năm (theo cấp, theo đơn vị, căn cứ, trừ xã đặc biệt khó khăn)");
        targets.MapPost("/", Save).RequirePermission(EvaluationPermissions.TargetsManage).Validate<SaveKpiTargetRequest>()
            .WithSummary("Đặt chỉ tiêu của một chỉ số cho một năm, một cấp hoặc một đơn vị (ghi lại nếu đã có)");
        targets.MapDelete("/{id:guid}", Delete).RequirePermission(EvaluationPermissions.TargetsManage)
            .WithSummary("Xóa một chỉ tiêu");
        targets.MapPost("/copy", Copy).RequirePermission(EvaluationPermissions.TargetsManage).Validate<CopyKpiTargetsRequest>()
            .WithSummary("Sao chép chỉ tiêu của một năm sang năm sau (giữ nguyên chỉ tiêu năm sau đã có)");
    }

    private static async Task<Ok<IReadOnlyList<KpiTargetView>>> List(KpiTargetHandler handler, TimeProvider clock, int? year, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListAsync(year ?? OneStop.Platform.Domain.VietnamTime.Today(clock).Year, ct));

    private static async Task<Results<Created<KpiTargetView>, Ok<KpiTargetView>>> Save(KpiTargetHandler handler, SaveKpiTargetRequest request, CancellationToken ct)
    {
        var (target, created) = await handler.SaveAsync(request, ct);
        return created ? TypedResults.Created($"/api/v1/evaluation/kpis/targets?year={target.Year}", target) : TypedResults.Ok(target);
    }

    private static async Task<NoContent> Delete(KpiTargetHandler handler, Guid id, CancellationToken ct)
    {
        await handler.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<KpiTargetsCopied>> Copy(KpiTargetHandler handler, CopyKpiTargetsRequest request, CancellationToken ct) =>
        TypedResults.Ok(await handler.CopyYearAsync(request, ct));
}
