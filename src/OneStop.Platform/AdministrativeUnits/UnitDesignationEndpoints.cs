using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Platform.AdministrativeUnits;

/// <summary>REST endpoints of unit designations (xã đặc biệt khó khăn) under <c>/api/v1/platform/units/designations</c>.</summary>
internal static class UnitDesignationEndpoints
{
    public static void Map(RouteGroupBuilder units)
    {
        units.MapGet("/designations", List).RequirePermission(PlatformPermissions.UnitsRead)
            .WithSummary("Đơn vị được đánh dấu (xã đặc biệt khó khăn) với thời gian hiệu lực và căn cứ");
        units.MapPost("/designations", Mark).RequirePermission(PlatformPermissions.UnitsManage).Validate<MarkUnitRequest>().WithIdempotency()
            .WithSummary("Đánh dấu một xã là xã đặc biệt khó khăn từ ngày, đến ngày (căn cứ quyết định)");
        units.MapPost("/designations/{id:guid}/end", Unmark).RequirePermission(PlatformPermissions.UnitsManage).Validate<UnmarkUnitRequest>()
            .WithSummary("Bỏ đánh dấu từ một ngày (ngày trước ngày bắt đầu: xóa bản ghi nhập nhầm)");
    }

    private static async Task<Ok<IReadOnlyList<UnitDesignationInfo>>> List(UnitDesignationHandler handler, string? kind, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListAsync(kind ?? UnitDesignationKinds.EspeciallyDifficult, ct));

    private static async Task<Created<UnitDesignationInfo>> Mark(UnitDesignationHandler handler, MarkUnitRequest request, CancellationToken ct)
    {
        var info = await handler.MarkAsync(request, ct);
        return TypedResults.Created($"/api/v1/platform/units/designations/{info.Id}", info);
    }

    private static async Task<Results<Ok<UnitDesignationInfo>, NoContent>> Unmark(UnitDesignationHandler handler, Guid id, UnmarkUnitRequest request, CancellationToken ct) =>
        await handler.UnmarkAsync(id, request, ct) is { } info ? TypedResults.Ok(info) : TypedResults.NoContent();
}
