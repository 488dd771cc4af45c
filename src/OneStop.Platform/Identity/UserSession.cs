using OneStop.Platform.Domain;

namespace OneStop.Platform.Identity;

/// <summary>
/// A signed-in browser session, held in the database so that every instance sees it end: the cookie carries only
/// <see cref="Id"/>. Logout removes the row; deactivation, a password change or a role change remove the person's
/// other rows, so a captured cookie is refused on its next request.
/// </summary>
[NotAudited]
public sealed class UserSession
{
    /// <summary>Random key (256 bits, base64url); the cookie's only content besides its protection.</summary>
    public string Id { get; set; } = "";

    public Guid UserId { get; set; }

    /// <summary>The authentication ticket, serialised and protected with the data-protection keys.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public string? ClientAddress { get; set; }
    public string? UserAgent { get; set; }
}
