using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
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
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Integration.Features.Webhooks;

internal sealed record CreateWebhookRequest(string Name, string Url, string[] Events);

internal sealed class CreateWebhookRequestValidator : AbstractValidator<CreateWebhookRequest>
{
    public CreateWebhookRequestValidator()
    {
        RuleFor(r => r.Name).Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 200).WithErrorCode(IntegrationMessages.WebhookNameRequired);
        RuleFor(r => r.Url).Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && url.Length <= 1000)
            .WithErrorCode(IntegrationMessages.WebhookUrlInvalid);
        RuleFor(r => r.Events).Must((_, events, context) =>
            {
                context.MessageFormatter.AppendArgument("Events", string.Join(", ", WebhookEventTypes.All));
                return events is { Length: > 0 } && events.All(e => WebhookEventTypes.All.Contains(e));
            })
            .WithErrorCode(IntegrationMessages.WebhookEventsInvalid);
    }
}

internal sealed record WebhookDto(Guid Id, string Name, string Url, string[] Events, bool IsActive, int ConsecutiveFailures, DateTimeOffset? DisabledAt, string? DisabledReason, string UnitPath);

/// <summary>The secret is shown once, at creation; it signs every delivery.</summary>
internal sealed record CreatedWebhookDto(WebhookDto Subscription, string Secret);

/// <summary>Webhook subscriptions (đăng ký nhận sự kiện) and the signing of deliveries.</summary>
internal static class Webhooks
{
    public const string DestinationPrefix = "webhook:";
    public const string SignatureHeader = "X-OneStop-Signature";
    public const string TimestampHeader = "X-OneStop-Timestamp";
    public const string EventHeader = "X-OneStop-Event";

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/webhooks").RequirePermission(IntegrationPermissions.WebhooksManage);
        group.MapGet("/", List).WithSummary("Các đăng ký nhận sự kiện trong phạm vi đơn vị");
        group.MapPost("/", Create).Validate<CreateWebhookRequest>().WithIdempotency()
            .WithSummary("Đăng ký nhận sự kiện; trả về khóa bí mật (chỉ một lần) dùng để kiểm tra chữ ký HMAC-SHA256");
        group.MapPost("/{id:guid}/enable", Enable).WithSummary("Bật lại một đăng ký đã bị tắt do lỗi liên tiếp");
        group.MapDelete("/{id:guid}", Delete).WithSummary("Hủy đăng ký nhận sự kiện");
    }

    /// <summary>hex(HMAC-SHA256(secret, "{timestamp}.{body}")), sent as "sha256=…".</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    /// <summary>Queues the event for every active subscription of the event's unit or a unit above it.</summary>
    public static async Task<int> PublishAsync(IntegrationDbContext db, string eventType, string unitPath, string resourceKey, object payload, DateTimeOffset now, CancellationToken ct)
    {
        var subscriptions = await db.WebhookSubscriptions.IgnoreQueryFilters([OneStop.Platform.Persistence.PlatformModelConventions.ScopeFilter])
            .Where(s => s.IsActive && !s.IsDeleted).ToListAsync(ct);
        var matching = subscriptions.Where(s => s.Events.Contains(eventType) && unitPath.StartsWith(s.UnitPath, StringComparison.Ordinal)).ToList();
        foreach (var s in matching)
        {
            OutgoingQueue.Enqueue(db, DestinationPrefix + s.Id, eventType, $"{s.Id}:{eventType}:{resourceKey}:{SequentialGuid.NewGuid()}", $"{s.Id}:{resourceKey}",
                new { type = eventType, occurredAt = now, data = payload }, now);
        }

        return matching.Count;
    }

    internal static async Task<Ok<List<WebhookDto>>> List(IntegrationDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct)).Select(ToDto).ToList());

    internal static async Task<Created<CreatedWebhookDto>> Create(IntegrationDbContext db, CreateWebhookRequest request, CancellationToken ct)
    {
        var subscription = new WebhookSubscription
        {
            Name = request.Name.Trim(), Url = request.Url, Events = request.Events.Distinct().ToList(),
            Secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/integration/webhooks/{subscription.Id}", new CreatedWebhookDto(ToDto(subscription), subscription.Secret));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Enable(IntegrationDbContext db, Guid id, CancellationToken ct)
    {
        var s = await db.WebhookSubscriptions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return NotFound();
        }

        s.IsActive = true;
        s.ConsecutiveFailures = 0;
        s.DisabledAt = null;
        s.DisabledReason = null;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Delete(IntegrationDbContext db, Guid id, CancellationToken ct)
    {
        var s = await db.WebhookSubscriptions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return NotFound();
        }

        db.WebhookSubscriptions.Remove(s); // soft delete
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(IntegrationErrorCodes.NotFound, Messages.Text(IntegrationMessages.WebhookNotFound), 404));

    private static WebhookDto ToDto(WebhookSubscription s) =>
        new(s.Id, s.Name, s.Url, s.Events.ToArray(), s.IsActive, s.ConsecutiveFailures, s.DisabledAt, s.DisabledReason, s.UnitPath);
}
