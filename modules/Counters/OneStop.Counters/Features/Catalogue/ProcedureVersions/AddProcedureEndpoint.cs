using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Catalogue.GetProcedure;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Catalogue.ProcedureVersions;

/// <summary>POST /catalogue/procedures?code=…: a procedure the catalogue lacks, as its version 1 (ADR 0028).</summary>
internal static class AddProcedureEndpoint
{
    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapPost("/procedures", Add).RequirePermission(CountersPermissions.CatalogueManage)
            .Validate<NewProcedureVersionRequest>().WithIdempotency()
            .WithSummary("Thêm thủ tục chưa có trong danh mục (mã trong tham số code), với phiên bản đầu tiên");

    internal static async Task<Results<Created<ProcedureDto>, ProblemHttpResult>> Add(
        NewProcedureVersionHandler handler, CountersDbContext db, string code, NewProcedureVersionRequest request, CancellationToken ct)
    {
        await handler.CreateAsync(code, request, ct);
        var saved = await GetProcedureEndpoint.DtoAsync(db, code.Trim(), request.EffectiveFrom, ct);
        return TypedResults.Created($"/api/v1/counters/catalogue/procedures/{saved!.Code}", saved);
    }
}
