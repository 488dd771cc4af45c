using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Counters.Contracts;
using OneStop.Integration.Contracts;
using OneStop.Platform;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Dossiers.Online;

/// <summary>The province's review queue of online submissions under <c>/api/v1/counters/online-submissions</c>.</summary>
internal static class OnlineSubmissionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/online-submissions").WithTags("Hồ sơ trực tuyến chờ xác định nơi nhận");
        g.MapGet("/", List).RequirePermission(CountersPermissions.OnlineSubmissionsReview)
            .WithSummary("Hồ sơ trực tuyến theo trạng thái: REVIEW (chờ chọn nơi nhận, mặc định), ROUTED, FILED");
        g.MapGet("/units", Units).RequirePermission(CountersPermissions.OnlineSubmissionsReview)
            .WithSummary("Các đơn vị có hiệu lực hôm nay trong phạm vi, để chọn nơi nhận");
        g.MapGet("/{id:guid}", Get).RequirePermission(CountersPermissions.OnlineSubmissionsReview)
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/{id:guid}/route", Route).RequirePermission(CountersPermissions.OnlineSubmissionsReview).Validate<RouteOnlineSubmissionRequest>()
            .WithSummary("Chuyển hồ sơ đến một đơn vị: tạo hồ sơ trực tuyến tại đó (gọi lại không tạo thêm hồ sơ)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/repull", Repull).RequirePermission(CountersPermissions.OnlineSubmissionsRepull).Validate<RepullOnlineSubmissionsRequest>()
            .WithSummary("Lấy lại hồ sơ từ Cổng Dịch vụ công quốc gia từ một số thứ tự; hồ sơ đã có không bị tạo lại")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    internal static async Task<Ok<KeysetPage<OnlineSubmissionDto>>> List(OnlineSubmissionReview review, string? status, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await review.ListAsync(status, cursor, pageSize, ct));

    internal static async Task<Ok<IReadOnlyList<RoutableUnitDto>>> Units(OnlineSubmissionReview review, CancellationToken ct) =>
        TypedResults.Ok(await review.RoutableUnitsAsync(ct));

    internal static async Task<Ok<OnlineSubmissionDto>> Get(Guid id, OnlineSubmissionReview review, CancellationToken ct) =>
        TypedResults.Ok(await review.GetAsync(id, ct));

    internal static async Task<Ok<OnlineSubmissionDto>> Route(Guid id, RouteOnlineSubmissionRequest request, OnlineSubmissionReview review, CancellationToken ct) =>
        TypedResults.Ok(await review.RouteAsync(id, request, ct));

    internal static async Task<Ok<PortalRepull>> Repull(RepullOnlineSubmissionsRequest request, OnlineSubmissionReview review, CancellationToken ct) =>
        TypedResults.Ok(await review.RepullAsync(request, ct));
}
