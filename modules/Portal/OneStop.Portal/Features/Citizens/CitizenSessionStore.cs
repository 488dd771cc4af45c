using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Scoping;
using OneStop.Portal.Contracts;
using OneStop.Portal.Features.MyDossiers;
using OneStop.Portal.Infrastructure;

namespace OneStop.Portal.Features.Citizens;

/// <summary>
/// The citizen cookie's server side (ADR 0054, <see cref="CookieAuthenticationOptions.SessionStore"/>): each sign-in is a
/// <see cref="CitizenSession"/> row in <c>portal.CitizenSessions</c>, read on every request by whichever instance serves
/// it (no cache), so a sign-out ends it everywhere and a copied cookie is worthless afterwards. The store alone decides
/// how long a session lives — <see cref="IdleTimeout"/> since its last request, <see cref="AbsoluteTimeout"/> since
/// sign-in — the cookie handler's own expiry is not used.
/// </summary>
internal sealed class CitizenSessionStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(8);

    /// <summary>Writing LastSeenAt on every request would double the database work; a minute's precision is enough.</summary>
    private static readonly TimeSpan SeenPrecision = TimeSpan.FromMinutes(1);

    /// <summary>Ended sessions stay a week for questions about them (the audit trail keeps them for good).</summary>
    private static readonly TimeSpan KeptAfterEnd = TimeSpan.FromDays(7);

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    /// <summary>Đăng nhập: a new row under a new random key, written as the citizen (the audit trail's sign-in record).</summary>
    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var citizen = SignedInCitizen.From(ticket.Principal)
            ?? throw new InvalidOperationException("Only a principal of the citizen scheme is signed in here.");
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var current = scope.ServiceProvider.GetRequiredService<ICurrentScope>();
        // Sweeping at each sign-in keeps the table at the live sessions and the last week's, without a job.
        var cutoff = now - KeptAfterEnd;
        await db.CitizenSessions.Where(s => s.ExpiresAt < cutoff).ExecuteDeleteAsync(CancellationToken.None);
        db.CitizenSessions.Add(new CitizenSession
        {
            KeyHash = Hash(key),
            IdentityNumber = citizen.IdentityNumber,
            FullName = citizen.FullName,
            EnterpriseCode = citizen.EnterpriseCode,
            OrganisationName = citizen.OrganisationName,
            DateOfBirth = citizen.DateOfBirth,
            Phone = citizen.Phone,
            Email = citizen.Email,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + AbsoluteTimeout,
            ClientAddress = httpContext?.Connection.RemoteIpAddress?.ToString(),
        });
        using (current.Change(current.Unit, null, CitizenActing.ActorName(citizen)))
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return key;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    /// <summary>The citizen of a live session; null (signed out, the sign-in page next) for anything else.</summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var hash = Hash(key);
        var session = await db.CitizenSessions.AsNoTracking().FirstOrDefaultAsync(s => s.KeyHash == hash, CancellationToken.None);
        var now = clock.GetUtcNow();
        if (session is null || !IsLive(session, now))
        {
            return null;
        }

        if (httpContext?.Request.Path.StartsWithSegments(CitizenAuthentication.CallbackPath) == true)
        {
            // Read only when the callback signs someone in over this session: it ends here, and the new sign-in gets a
            // new key (the cookie handler would otherwise keep this one: a planted cookie would become the victim's).
            await RevokeAsync(scope.ServiceProvider, db, hash, CitizenSession.Replaced);
            return null;
        }

        if (now - session.LastSeenAt >= SeenPrecision)
        {
            await db.CitizenSessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), CancellationToken.None);
        }

        var citizen = new SignedInCitizen(session.IdentityNumber, session.FullName, session.DateOfBirth, session.Phone, session.Email,
            session.EnterpriseCode, session.OrganisationName);
        return new AuthenticationTicket(citizen.ToPrincipal(), new AuthenticationProperties { IsPersistent = false }, CitizenAuthentication.Scheme);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null!, cancellationToken);

    /// <summary>
    /// Called by the cookie handler only for a sign-in over a session it could read (never on the callback, see
    /// <see cref="RetrieveAsync(string, HttpContext, CancellationToken)"/>): the same citizen keeps the session, anyone
    /// else ends it, so a key never changes hands.
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var hash = Hash(key);
        var session = await db.CitizenSessions.AsNoTracking().FirstOrDefaultAsync(s => s.KeyHash == hash, CancellationToken.None);
        var citizen = SignedInCitizen.From(ticket.Principal);
        if (session is null || session.RevokedAt is not null)
        {
            return;
        }

        if (citizen is null || citizen.IdentityNumber != session.IdentityNumber || citizen.EnterpriseCode != session.EnterpriseCode)
        {
            await RevokeAsync(scope.ServiceProvider, db, hash, CitizenSession.Replaced);
            return;
        }

        var now = clock.GetUtcNow();
        await db.CitizenSessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), CancellationToken.None);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    /// <summary>Đăng xuất: the row is kept, revoked, as the citizen (the audit trail's sign-out record).</summary>
    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await RevokeAsync(scope.ServiceProvider, db, Hash(key), CitizenSession.SignedOut);
    }

    private async Task RevokeAsync(IServiceProvider services, PortalDbContext db, byte[] hash, string reason)
    {
        var session = await db.CitizenSessions.FirstOrDefaultAsync(s => s.KeyHash == hash, CancellationToken.None);
        if (session is null || session.RevokedAt is not null)
        {
            return;
        }

        session.RevokedAt = clock.GetUtcNow();
        session.RevokedReason = reason;
        var current = services.GetRequiredService<ICurrentScope>();
        using (current.Change(current.Unit, null, "VNeID ••••" + (session.EnterpriseCode ?? session.IdentityNumber)[^4..]))
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    internal static bool IsLive(CitizenSession session, DateTimeOffset now) =>
        session.RevokedAt is null && now < session.ExpiresAt && now - session.LastSeenAt < IdleTimeout;

    /// <summary>Only the key's hash is stored: the table (and anything copied from it) opens no session.</summary>
    internal static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
