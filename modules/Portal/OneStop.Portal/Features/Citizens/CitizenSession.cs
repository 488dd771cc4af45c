using OneStop.Platform.Domain;

namespace OneStop.Portal.Features.Citizens;

/// <summary>
/// Phiên đăng nhập của công dân (ADR 0054): one VNeID sign-in, held in PostgreSQL so every host instance sees it end.
/// The cookie carries only a random key, whose SHA-256 is <see cref="KeyHash"/> (the key itself is stored nowhere, so
/// neither the table nor the audit trail gives a usable cookie). Added at sign-in and changed at sign-out: both are
/// audited writes. It ends after <see cref="CitizenSessionStore.IdleTimeout"/> without a request, at
/// <see cref="ExpiresAt"/> whatever happens, or when <see cref="RevokedAt"/> is set.
/// </summary>
internal sealed class CitizenSession : Entity
{
    public const string SignedOut = "SIGNED_OUT";

    /// <summary>Another sign-in on the same browser replaced it (a new key is issued: never the old one again).</summary>
    public const string Replaced = "REPLACED";

    [AuditIgnore]
    public byte[] KeyHash { get; set; } = [];

    /// <summary>Số định danh cá nhân (the provider's subject).</summary>
    public string IdentityNumber { get; set; } = "";

    public string FullName { get; set; } = "";

    /// <summary>Mã số doanh nghiệp when an organisation signed in.</summary>
    public string? EnterpriseCode { get; set; }

    public string? OrganisationName { get; set; }

    // Personal details the portal's forms prefill; they are not what the trail needs to say who signed in.
    [AuditIgnore]
    public DateOnly? DateOfBirth { get; set; }

    [AuditIgnore]
    public string? Phone { get; set; }

    [AuditIgnore]
    public string? Email { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Written at most once a minute (not audited): the idle timeout counts from here.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The absolute end: <see cref="CreatedAt"/> + <see cref="CitizenSessionStore.AbsoluteTimeout"/>.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary><see cref="SignedOut"/> or <see cref="Replaced"/>.</summary>
    public string? RevokedReason { get; set; }

    public string? ClientAddress { get; set; }
}
