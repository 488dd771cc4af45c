using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Digitization.Contracts;
using OneStop.Platform.Permissions;

namespace OneStop.Digitization.Features.Results;

internal static class ResultEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/results", List).RequirePermission(DigitizationPermissions.Access)
            .WithSummary("Sổ kết quả giải quyết TTHC còn hiệu lực vào một ngày (mặc định hôm nay) trong phạm vi, kèm tỷ lệ đã số hóa theo cấp có thẩm quyền; lọc theo cấp, đã/chưa số hóa");

    private static async Task<Ok<IssuedResultPage>> List(ResultQueries queries, DateOnly? validOn, string? level, bool? digitised, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(validOn, level, digitised, page, pageSize, ct));
}
