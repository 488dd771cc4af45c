using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Identity;
using OneStop.Platform.Persistence;
using OneStop.Platform.Localization;

namespace OneStop.Platform.Web;

/// <summary>Marks an endpoint that honours <c>Idempotency-Key</c>, so the OpenAPI contract can say so (ADR 0038).</summary>
public sealed class IdempotencyMetadata
{
    public static readonly IdempotencyMetadata Instance = new();

    private IdempotencyMetadata() { }
}

public static class IdempotencyEndpointExtensions
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>How long a key without a response is held for its request; renewed every third of it while it runs.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A create endpoint honours an <c>Idempotency-Key</c> header: the same key and body from the same caller gets the
    /// first response again (never a second resource); the same key with another body is a 422.
    /// </summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(IdempotencyMetadata.Instance).AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            var key = http.Request.Headers[Header].ToString();
            if (string.IsNullOrWhiteSpace(key))
            {
                return await next(ctx);
            }

            if (key.Length > 128)
            {
                return ProblemDetailsSetup.Problem(PlatformErrorCodes.ValidationFailed, Messages.Text(PlatformMessages.IdempotencyKeyTooLong), 400);
            }

            var caller = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? http.User.FindFirstValue("sub") ?? "anonymous";
            var services = http.RequestServices.GetRequiredService<IServiceProviderIsService>();
            var requestHash = HashOf(http.Request.Method + " " + http.Request.Path, ctx.Arguments.Where(a => a is not null && !services.IsService(a.GetType())));
            var db = http.RequestServices.GetRequiredService<PlatformDbContext>();
            var clock = http.RequestServices.GetRequiredService<TimeProvider>();
            IdempotencyRecord record;
            var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Caller == caller && r.Key == key);
            if (existing is not null)
            {
                if (existing.RequestHash != requestHash || existing.StatusCode is not null || !await TakeOverAsync(db, existing, clock))
                {
                    return Replay(http, existing, requestHash);
                }

                // The request that stored the key died before answering: this retry is now the one that runs.
                record = await db.IdempotencyRecords.FirstAsync(r => r.Caller == caller && r.Key == key);
            }
            else
            {
                var now = clock.GetUtcNow();
                record = new IdempotencyRecord { Caller = caller, Key = key, RequestHash = requestHash, CreatedAt = now, LeaseUntil = now + Lease };
                db.IdempotencyRecords.Add(record);
                try
                {
                    await db.SaveChangesAsync();
                }
                catch (DbUpdateException)
                {
                    // Another request with this key won the race.
                    return ProblemDetailsSetup.Problem(PlatformErrorCodes.IdempotencyInProgress, 409);
                }
            }

            object? result;
            using (var running = new CancellationTokenSource())
            {
                var heartbeat = RenewWhileRunningAsync(http.RequestServices.GetRequiredService<IServiceScopeFactory>(), caller, key, clock, running.Token);
                try
                {
                    result = await next(ctx);
                }
                catch
                {
                    db.IdempotencyRecords.Remove(record);
                    await db.SaveChangesAsync();
                    throw;
                }
                finally
                {
                    // A renewal racing the removal above finds no row without a response and changes nothing.
                    await running.CancelAsync();
                    await heartbeat;
                }
            }

            // Results<A, B> unions wrap the actual result.
            var inner = result is INestedHttpResult nested ? nested.Result : result;
            if (inner is IStatusCodeHttpResult { StatusCode: { } status } and IValueHttpResult valued && status < 500)
            {
                record.StatusCode = status;
                record.ResponseJson = JsonSerializer.Serialize(valued.Value, JsonSerializerOptions.Web);
                record.Location = inner.GetType().GetProperty("Location")?.GetValue(inner) as string;
            }
            else
            {
                db.IdempotencyRecords.Remove(record);
            }

            await db.SaveChangesAsync();
            return result;
        });

    /// <summary>
    /// Takes over a key whose request died: no response and the lease run out. Conditional on the lease read, so of
    /// several retries at once only one wins; the others get 409 as before.
    /// </summary>
    private static async Task<bool> TakeOverAsync(PlatformDbContext db, IdempotencyRecord existing, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var leaseUntil = existing.LeaseUntil ?? existing.CreatedAt + Lease;
        if (leaseUntil > now)
        {
            return false;
        }

        var taken = await db.IdempotencyRecords
            .Where(r => r.Caller == existing.Caller && r.Key == existing.Key && r.StatusCode == null && r.LeaseUntil == existing.LeaseUntil)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseUntil, now + Lease));
        return taken == 1;
    }

    /// <summary>Renews the lease every third of it until the request ends, on its own connection (the request's context is busy).</summary>
    private static async Task RenewWhileRunningAsync(IServiceScopeFactory scopes, string caller, string key, TimeProvider clock, CancellationToken running)
    {
        try
        {
            using var timer = new PeriodicTimer(Lease / 3);
            while (await timer.WaitForNextTickAsync(running))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                    var until = clock.GetUtcNow() + Lease;
                    await db.IdempotencyRecords.Where(r => r.Caller == caller && r.Key == key && r.StatusCode == null)
                        .ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseUntil, until), running);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A missed renewal (e.g. SQLite busy) only shortens the lease; the next tick tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static object Replay(HttpContext http, IdempotencyRecord existing, string requestHash)
    {
        if (existing.RequestHash != requestHash)
        {
            return ProblemDetailsSetup.Problem(PlatformErrorCodes.IdempotencyKeyReused, 422);
        }

        if (existing.StatusCode is not { } status)
        {
            return ProblemDetailsSetup.Problem(PlatformErrorCodes.IdempotencyInProgress, 409);
        }

        http.Response.Headers[ReplayedHeader] = "true";
        if (existing.Location is not null)
        {
            http.Response.Headers.Location = existing.Location;
        }

        return TypedResults.Text(existing.ResponseJson ?? "null", "application/json", Encoding.UTF8, status);
    }

    /// <summary>Route plus the bound request values (body, route and query values; injected services excluded).</summary>
    private static string HashOf(string route, IEnumerable<object?> arguments)
    {
        var parts = arguments
            .Where(a => a is not HttpContext and not CancellationToken)
            .Select(a => JsonSerializer.Serialize(a, a!.GetType(), JsonSerializerOptions.Web));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(route + "\n" + string.Join("\n", parts))));
    }
}
