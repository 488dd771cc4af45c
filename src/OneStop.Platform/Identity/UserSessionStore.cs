using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Identity;

/// <summary>
/// The cookie's server side (<see cref="CookieAuthenticationOptions.SessionStore"/>): each ticket is a row of
/// <c>platform.UserSessions</c>, read on every request by every instance (no cache), so ending a session, or all of a
/// person's sessions, takes effect on the next request wherever it lands.
/// </summary>
public sealed class UserSessionStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock, IHttpContextAccessor http) : ITicketStore
{
    /// <summary>Writing LastSeenAt on every request would double the database work; a minute's precision is enough.</summary>
    private static readonly TimeSpan SeenPrecision = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = protection.CreateProtector("OneStop.Platform.UserSessions.v1");

    /// <summary>Ends every session of a person but <paramref name="exceptSessionId"/> (deactivation, role or password change).</summary>
    public async Task EndAllAsync(Guid userId, string? exceptSessionId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.UserSessions.Where(s => s.UserId == userId && s.Id != (exceptSessionId ?? "")).ExecuteDeleteAsync(ct);
    }

    /// <summary>The session id of the signed-in request, if it has one.</summary>
    public static string? CurrentSessionId(ClaimsPrincipal? user) => user?.FindFirst(SessionIdClaim)?.Value;

    /// <summary>
    /// Added to the principal on retrieval: the cookie handler keeps the key to itself, and a password change must know
    /// which session to spare.
    /// </summary>
    public const string SessionIdClaim = "onestop:session";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var request = http.HttpContext?.Request;
        var session = new UserSession
        {
            Id = key,
            UserId = UserIdOf(ticket),
            Ticket = Protect(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc ?? now.AddHours(8),
            ClientAddress = request?.HttpContext.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(request?.Headers.UserAgent.ToString(), 256),
        };
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        // Expired rows are refused anyway; sweeping them at each sign-in keeps the table at the live sessions without a job.
        await db.UserSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == key);
        if (session is null)
        {
            // Ended meanwhile (logout elsewhere, deactivation): it stays ended.
            return;
        }

        var now = clock.GetUtcNow();
        // A sign-in over an open session (another person on the same browser) renews the same key: the row follows.
        session.UserId = UserIdOf(ticket);
        session.Ticket = Protect(ticket);
        session.ExpiresAt = ticket.Properties.ExpiresUtc ?? session.ExpiresAt;
        session.LastSeenAt = now;
        await db.SaveChangesAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var session = await db.UserSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == key);
        var now = clock.GetUtcNow();
        if (session is null || session.ExpiresAt <= now)
        {
            return null;
        }

        AuthenticationTicket? ticket;
        try
        {
            ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
        }
        catch (CryptographicException)
        {
            return null; // keys lost or rotated away: signed out, not an error page
        }

        if (ticket is null)
        {
            return null;
        }

        if (now - session.LastSeenAt >= SeenPrecision)
        {
            await db.UserSessions.Where(s => s.Id == key).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now));
        }

        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            foreach (var stale in identity.FindAll(SessionIdClaim).ToList())
            {
                identity.RemoveClaim(stale);
            }

            identity.AddClaim(new Claim(SessionIdClaim, key));
        }

        return ticket;
    }

    public async Task RemoveAsync(string key)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static Guid UserIdOf(AuthenticationTicket ticket) =>
        Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}
