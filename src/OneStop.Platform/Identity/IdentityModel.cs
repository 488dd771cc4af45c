using Microsoft.AspNetCore.Identity;
using OneStop.Platform.Domain;

namespace OneStop.Platform.Identity;

/// <summary>A person who signs in (cán bộ, công chức). Roles are global; the units one may act for are memberships.</summary>
public sealed class PlatformUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";
    /// <summary>Chức vụ, shown on forms the person signs.</summary>
    public string? Position { get; set; }
    /// <summary>The unit chosen last with the unit switcher; one of the user's memberships.</summary>
    public Guid? ActingUnitId { get; set; }

    /// <summary>False once deactivated (left the service): no sign-in, every session ended; the history stays.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>Set by an admin's reset (one-time password): nothing but the change-password page until changed.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>When an admin last set a one-time password (the hash itself never reaches the audit trail; this does).</summary>
    public DateTimeOffset? PasswordResetAt { get; set; }

    /// <summary>When an admin last lifted a lock or a sign-in wait (audited like every change of the person).</summary>
    public DateTimeOffset? UnlockedAt { get; set; }

    /// <summary>Login, full name, e-mail and phone folded (lower case, no diacritics), for search typed without them.</summary>
    public string SearchText { get; set; } = "";

    public void RefreshSearchText() =>
        SearchText = VietnameseText.Fold($"{UserName} {FullName} {Email} {PhoneNumber}");
}

/// <summary>
/// A role (vai trò): built in (<see cref="Roles"/>) or created by a system admin. Its permissions are rows of
/// <see cref="RolePermission"/>; its <see cref="Rank"/> says who may grant it (ADR 0014).
/// </summary>
public sealed class PlatformRole : IdentityRole<Guid>
{
    public PlatformRole() { }
    public PlatformRole(string name) : base(name) { }

    public string DisplayNameVi { get; set; } = "";
    public string DisplayNameEn { get; set; } = "";

    /// <summary>Only a person holding a role of higher rank may grant this one (system admins grant any).</summary>
    public int Rank { get; set; }

    public bool IsBuiltIn { get; set; }
}

/// <summary>
/// A unit a person may act for, with the roles held there, valid for a period (effective-dated); one is the default
/// at sign-in. Only memberships valid on the day count.
/// </summary>
public sealed class UnitMembership : Entity, IUnitScoped
{
    public Guid UserId { get; set; }
    public Guid UnitId { get; set; }
    public string UnitPath { get; set; } = "";
    public bool IsDefault { get; set; }
    /// <summary>
    /// The agency of the unit the person works for there (e.g. <c>STTTT</c>, Sở Thông tin và Truyền thông), or null for
    /// the unit as a whole; it becomes <see cref="Scoping.UnitScope.AgencyCode"/> while acting for this unit.
    /// </summary>
    public string? AgencyCode { get; set; }

    /// <summary>Names of the roles held in this unit (<see cref="PlatformRole.Name"/>).</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>First day the membership holds (Vietnam calendar day).</summary>
    public DateOnly ValidFrom { get; set; } = new(2021, 1, 1);

    /// <summary>Last day it holds, or null while open-ended.</summary>
    public DateOnly? ValidTo { get; set; }

    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);
}

/// <summary>Permission granted to a role (editable by admins; seeded from each module's defaults).</summary>
public sealed class RolePermission
{
    public string Role { get; set; } = "";
    public string Permission { get; set; } = "";
}

/// <summary>A third-party system registered for a unit; its OpenIddict application has the same client id.</summary>
public sealed class ApiClient : ScopedEntity
{
    public string ClientId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>Granted scopes; each scope is a permission name (e.g. <c>Platform.Units.Read</c>).</summary>
    public List<string> Scopes { get; set; } = [];
}

/// <summary>A create request seen before, by key and caller: a retry gets the stored response.</summary>
[NotAudited]
public sealed class IdempotencyRecord
{
    public string Caller { get; set; } = "";
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int? StatusCode { get; set; }
    public string? ResponseJson { get; set; }
    public string? Location { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// While the first request runs it renews this every few seconds; a key without a response whose lease has run out
    /// belongs to a request that died (a crash, a killed process), and the next retry takes it over.
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}

/// <summary>Claims the platform adds to a signed-in principal.</summary>
public static class PlatformClaims
{
    public const string UnitId = "onestop:unit";
    public const string UnitPath = "onestop:unit_path";
    public const string UnitName = "onestop:unit_name";
    public const string FullName = "onestop:full_name";
    /// <summary>Chức vụ (title), printed under the name where a form has a place for it.</summary>
    public const string Position = "onestop:position";
    /// <summary>The agency inside the acting unit (see <see cref="UnitMembership.AgencyCode"/>); absent for the whole unit.</summary>
    public const string AgencyCode = "onestop:agency";
    /// <summary>That agency's name, shown beside the unit's.</summary>
    public const string AgencyName = "onestop:agency_name";
}
