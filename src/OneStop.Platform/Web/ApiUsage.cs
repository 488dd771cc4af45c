using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Web;

/// <summary>What one request did to its client's quota: the window's count after it, and when the window began.</summary>
public sealed record ApiQuotaUse(int PermitsPerMinute, int Count, DateTimeOffset WindowStart)
{
    public bool Allowed => Count <= PermitsPerMinute;
    public int Remaining => Math.Max(0, PermitsPerMinute - Count);
    public DateTimeOffset WindowEnd => WindowStart + ApiUsageMeter.Window;
}

/// <summary>
/// Each API client's requests of the minute and of the day, in <c>platform.ApiClientUsages</c>: every host instance
/// counts into the same row, so a client behind several instances gets its quota once, exactly (ADR 0044).
/// </summary>
public sealed class ApiUsageMeter(PlatformDbContext db, TimeProvider clock, ApiQuotaOptions options)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Counts one request of <paramref name="client"/> and says whether it is within the quota. One statement: the row
    /// lock orders concurrent requests of the same client, so of N requests in a window exactly the first
    /// <see cref="ApiQuotaOptions.PermitsPerMinute"/> are allowed, whichever instance serves them. The window begins with
    /// the first request after the previous one ended (a fixed window per client, as before).
    /// </summary>
    public async Task<ApiQuotaUse> CountAsync(string client, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var table = Table();
        var sql = $"""
            INSERT INTO {table} ("ClientId", "WindowStart", "WindowCount", "Day", "DayCount") VALUES (@client, @now, 1, @day, 1)
            ON CONFLICT ("ClientId") DO UPDATE SET
                "WindowCount" = CASE WHEN {table}."WindowStart" > @now - @window THEN {table}."WindowCount" + 1 ELSE 1 END,
                "WindowStart" = CASE WHEN {table}."WindowStart" > @now - @window THEN {table}."WindowStart" ELSE @now END,
                "DayCount" = CASE WHEN {table}."Day" = @day THEN {table}."DayCount" + 1 ELSE 1 END,
                "Day" = @day
            RETURNING "WindowStart", "WindowCount"
            """;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(command, "client", client);
            Add(command, "now", now.ToUnixTimeMilliseconds());
            Add(command, "window", (long)Window.TotalMilliseconds);
            Add(command, "day", DayOf(now));
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new ApiQuotaUse(options.PermitsPerMinute, Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The client's requests today (UTC day), refused ones included, counted by every instance.</summary>
    public async Task<long> TodayAsync(string client, CancellationToken ct = default)
    {
        var day = DayOf(clock.GetUtcNow());
        return await db.ApiClientUsages.AsNoTracking().Where(u => u.ClientId == client && u.Day == day).Select(u => u.DayCount).FirstOrDefaultAsync(ct);
    }

    /// <summary>Synchronous <see cref="TodayAsync"/>, for callers that build their answer in a synchronous projection.</summary>
    public long Today(string client)
    {
        var day = DayOf(clock.GetUtcNow());
        return db.ApiClientUsages.AsNoTracking().Where(u => u.ClientId == client && u.Day == day).Select(u => u.DayCount).FirstOrDefault();
    }

    private static int DayOf(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).DayNumber;

    private string Table()
    {
        var entity = db.Model.FindEntityType(typeof(ApiClientUsage))!;
        return db.Database.IsNpgsql() ? $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>The per-client quota: <c>Api:RateLimit:PermitsPerMinute</c> requests a minute (default 600).</summary>
public sealed record ApiQuotaOptions(int PermitsPerMinute);

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
