using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Integration.Contracts;
using OneStop.Integration.Delivery;
using OneStop.Integration.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Localization;
using OneStop.Platform.Messaging;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Integration.Features.Exchanges;

internal sealed record OutgoingDto(Guid Id, string Destination, string Kind, string IdempotencyKey, string OrderingKey, string State,
    int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, string? LastError);

/// <summary>Outgoing messages by state; the dead-letter queue (hàng đợi lỗi) with a retry for admins.</summary>
internal static class OutgoingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/outgoing", List).RequirePermission(IntegrationPermissions.ExchangesRead)
            .WithSummary("Thông điệp gửi đi theo trạng thái (pending, delivered, dead)");
        api.MapPost("/outgoing/{id:guid}/retry", Retry).RequirePermission(IntegrationPermissions.SandboxManage)
            .WithSummary("Gửi lại một thông điệp trong hàng đợi lỗi");
    }

    internal static async Task<Ok<KeysetPage<OutgoingDto>>> List(IntegrationDbContext db, string? state, string? cursor, int? pageSize, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<Guid?>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        var query = db.OutgoingMessages.AsNoTracking().Where(m => m.State == (state ?? DeliveryStates.Dead));
        if (after is { } last)
        {
            query = query.Where(m => m.Id.CompareTo(last) < 0);
        }

        var rows = await query.OrderByDescending(m => m.Id).Take(size + 1)
            .Select(m => new OutgoingDto(m.Id, m.Destination, m.Kind, m.IdempotencyKey, m.OrderingKey!, m.State, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.DeliveredAt, m.LastError))
            .ToListAsync(ct);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, size, r => (Guid?)r.Id));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Retry(IntegrationDbContext db, Guid id, CancellationToken ct)
    {
        var message = await db.OutgoingMessages.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(IntegrationErrorCodes.NotFound, Messages.Text(IntegrationMessages.OutgoingNotFound), 404));
        }

        if (message.State != DeliveryStates.Dead)
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.Conflict, Messages.Text(IntegrationMessages.OutgoingOnlyDeadRetried), 409));
        }

        message.Retry();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
