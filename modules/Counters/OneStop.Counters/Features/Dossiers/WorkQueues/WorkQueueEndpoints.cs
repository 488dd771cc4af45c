using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Counters.Contracts;
using OneStop.Platform.Permissions;

namespace OneStop.Counters.Features.Dossiers.WorkQueues;

/// <summary><c>GET /api/v1/counters/work</c>: the caller's work queues, as their home page shows them.</summary>
internal static class WorkQueueEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/work", Get).RequirePermission(CountersPermissions.DossiersRead).WithTags("Hồ sơ")
            .WithSummary("Việc cần làm của tôi: hồ sơ chờ tiếp nhận, chờ giao, đang xử lý, tại cơ quan tôi, chờ phê duyệt, chờ trả kết quả; số quá hạn và sắp đến hạn");

    internal static async Task<Ok<IReadOnlyList<WorkQueue>>> Get(WorkQueueQueries queues, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await queues.QueuesAsync(user, withItems: true, ct));
}
