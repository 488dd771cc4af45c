using System.Collections.Concurrent;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Platform.Web;

/// <summary>Requests per API client and day, counted by this instance (shown to admins next to each client).</summary>
public sealed class ApiUsageMeter(TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Client, DateOnly Day), long> _counts = new();

    public void Count(string client) =>
        _counts.AddOrUpdate((client, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), 1, (_, n) => n + 1);

    public long Today(string client) => _counts.GetValueOrDefault((client, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
}

/// <summary>
/// Each third-party client (bearer token) gets <c>Api:RateLimit:PermitsPerMinute</c> requests a minute (default 600);
/// past that, 429 ProblemDetails with code Platform.RateLimited and Retry-After. People (cookies) are not limited here.
/// </summary>
public static class ApiRateLimiting
{
    public const string RateLimited = "Platform.RateLimited";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Api:RateLimit:PermitsPerMinute", 600);
        var limiter = new ApiRateLimiter(permits, PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            ClientOf(ctx) is { } client
                ? RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("people")));
        services.AddSingleton<ApiUsageMeter>();
        services.AddSingleton(limiter);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = limiter.Limiter;
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var problem = ProblemDetailsSetup.ToProblemDetails(RateLimited, 429, permits);
                // Written here, past the ProblemDetails service: add the trace id every other problem carries.
                problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
                await context.HttpContext.Response.WriteAsJsonAsync(
                    problem,
                    options: null, contentType: "application/problem+json", cancellationToken: ct);
            };
        });
        return services;
    }

    /// <summary>
    /// Counts each client's requests; after authentication, before the limiter. Every answer to a client carries its
    /// quota (RateLimit-Limit, RateLimit-Remaining, RateLimit-Policy, after the IETF httpapi draft) so a partner can
    /// slow down before a 429; the figures are this instance's, like the limit itself.
    /// </summary>
    public static IApplicationBuilder UseApiUsage(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ClientOf(ctx) is { } client)
        {
            ctx.RequestServices.GetRequiredService<ApiUsageMeter>().Count(client);
            var limiter = ctx.RequestServices.GetRequiredService<ApiRateLimiter>();
            ctx.Response.OnStarting(() =>
            {
                var remaining = limiter.Limiter.GetStatistics(ctx)?.CurrentAvailablePermits ?? 0;
                var invariant = System.Globalization.CultureInfo.InvariantCulture;
                ctx.Response.Headers["RateLimit-Limit"] = limiter.PermitsPerMinute.ToString(invariant);
                ctx.Response.Headers["RateLimit-Remaining"] = Math.Max(0, remaining).ToString(invariant);
                ctx.Response.Headers["RateLimit-Policy"] = $"{limiter.PermitsPerMinute.ToString(invariant)};w=60";
                return Task.CompletedTask;
            });
        }

        await next(ctx);
    });

    /// <summary>The client id of a bearer-authenticated system (people have a cookie and no client id).</summary>
    private static string? ClientOf(HttpContext ctx) =>
        ctx.User.Identity?.AuthenticationType == "OpenIddict.Validation.AspNetCore" || ctx.User.HasClaim(c => c.Type == "oi_scp")
            ? ctx.User.FindFirstValue("sub") ?? ctx.User.FindFirstValue("client_id")
            : null;
}

/// <summary>The per-client limiter, kept so responses can tell each client what is left of its minute.</summary>
public sealed record ApiRateLimiter(int PermitsPerMinute, PartitionedRateLimiter<HttpContext> Limiter);
