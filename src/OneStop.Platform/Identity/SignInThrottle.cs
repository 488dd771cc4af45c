using OneStop.Platform.Domain;

namespace OneStop.Platform.Identity;

/// <summary>
/// Failed sign-ins counted per key (<c>login:…</c>, <c>address:…</c>, <c>client:…</c>), shared by every instance.
/// Each failure past the free ones doubles the wait before the next attempt is even checked; nothing locks an account,
/// so a stranger cannot lock its owner out, and an admin can lift a wait (ADR 0014).
/// </summary>
[NotAudited]
public sealed class SignInThrottle
{
    public string Key { get; set; } = "";
    public int Failures { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset? BlockedUntil { get; set; }
}
