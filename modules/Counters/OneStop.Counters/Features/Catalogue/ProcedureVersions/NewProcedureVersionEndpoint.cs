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

/// <summary>POST /catalogue/procedures/{code}/versions: the procedure editor's one write (ADR 0028).</summary>
internal static class NewProcedureVersionEndpoint
{
    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapPost("/procedures/{code}/versions", Add).RequirePermission(CountersPermissions.CatalogueManage)
            .Validate<NewProcedureVersionRequest>().WithIdempotency()
            .WithSummary("Thêm phiên bản thủ tục có hiệu lực từ một ngày: tên, lĩnh vực, cấp, cơ quan, hình thức nộp, thời hạn, phí và lệ phí, thành phần hồ sơ (mã loại giấy tờ), kết quả, biểu mẫu điện tử (JSON Schema)");

    internal static async Task<Results<Created<ProcedureDto>, ProblemHttpResult>> Add(
        NewProcedureVersionHandler handler, CountersDbContext db, string code, NewProcedureVersionRequest request, CancellationToken ct)
    {
        if (await handler.HandleAsync(code, request, ct) is null)
        {
            return CountersProblems.NotFound(CountersErrorCodes.ProcedureNotFound, CountersMessages.ProcedureCodeNotFound, code);
        }

        return TypedResults.Created($"/api/v1/counters/catalogue/procedures/{code}?on={request.EffectiveFrom:yyyy-MM-dd}",
            (await GetProcedureEndpoint.DtoAsync(db, code, request.EffectiveFrom, ct))!);
    }
}
