using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Platform.Web;

/// <summary>
/// Each third-party client (bearer token) gets <c>Api:RateLimit:PermitsPerMinute</c> requests a minute (default 600),
/// counted across every host instance in the database (ADR 0044); past that, 429 ProblemDetails with code
/// Platform.RateLimited and Retry-After. People (cookies) are not limited here.
/// </summary>
public static class ApiRateLimiting
{
    public const string RateLimited = "Platform.RateLimited";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ApiQuotaOptions(configuration.GetValue("Api:RateLimit:PermitsPerMinute", 600)));
        services.AddScoped<ApiUsageMeter>();
        return services;
    }

    /// <summary>
    /// Counts each client's request and refuses it past the quota; after authentication. Every answer to a client
    /// carries its quota (RateLimit-Limit, RateLimit-Remaining, RateLimit-Policy, after the IETF httpapi draft) so a
    /// partner can slow down before a 429; the figures are those of all instances together.
    /// </summary>
    public static IApplicationBuilder UseApiUsage(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ClientOf(ctx) is not { } client)
        {
            await next(ctx);
            return;
        }

        var use = await ctx.RequestServices.GetRequiredService<ApiUsageMeter>().CountAsync(client, ctx.RequestAborted);
        var invariant = CultureInfo.InvariantCulture;
        ctx.Response.OnStarting(() =>
        {
            ctx.Response.Headers["RateLimit-Limit"] = use.PermitsPerMinute.ToString(invariant);
            ctx.Response.Headers["RateLimit-Remaining"] = use.Remaining.ToString(invariant);
            ctx.Response.Headers["RateLimit-Policy"] = $"{use.PermitsPerMinute.ToString(invariant)};w=60";
            return Task.CompletedTask;
        });
        if (use.Allowed)
        {
            await next(ctx);
            return;
        }

        var clock = ctx.RequestServices.GetRequiredService<TimeProvider>();
        var retryAfter = Math.Max(1, (int)Math.Ceiling((use.WindowEnd - clock.GetUtcNow()).TotalSeconds));
        ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        ctx.Response.Headers.RetryAfter = retryAfter.ToString(invariant);
        var problem = ProblemDetailsSetup.ToProblemDetails(RateLimited, 429, use.PermitsPerMinute);
        // Written here, past the ProblemDetails service: add the trace id every other problem carries.
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? ctx.TraceIdentifier;
        await ctx.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json", cancellationToken: ctx.RequestAborted);
    });

    /// <summary>The client id of a bearer-authenticated system (people have a cookie and no client id).</summary>
    private static string? ClientOf(HttpContext ctx) =>
        ctx.User.Identity?.AuthenticationType == "OpenIddict.Validation.AspNetCore" || ctx.User.HasClaim(c => c.Type == "oi_scp")
            ? ctx.User.FindFirstValue("sub") ?? ctx.User.FindFirstValue("client_id")
            : null;
}
