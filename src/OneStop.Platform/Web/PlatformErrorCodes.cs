namespace OneStop.Platform.Web;

/// <summary>Error codes of the kernel; modules keep their own <c>{Module}ErrorCodes</c>.</summary>
public static class PlatformErrorCodes
{
    public const string ValidationFailed = "Platform.ValidationFailed";
    public const string NotFound = "Platform.NotFound";
    public const string Unauthenticated = "Platform.Unauthenticated";
    public const string Forbidden = "Platform.Forbidden";
    public const string Conflict = "Platform.Conflict";
    public const string OutOfScope = "Platform.OutOfScope";
    public const string UnitRequired = "Platform.UnitRequired";
    public const string IdempotencyKeyReused = "Platform.IdempotencyKeyReused";
    public const string IdempotencyInProgress = "Platform.IdempotencyInProgress";
    public const string InvalidCursor = "Platform.InvalidCursor";
    public const string Unexpected = "Platform.Unexpected";
    public const string ModuleDisabled = "Platform.ModuleDisabled";

    // The framework's own refusals, as ProblemDetails with stable codes (ADR 0034).
    /// <summary>The address exists but not with this HTTP method (405).</summary>
    public const string MethodNotAllowed = "Platform.MethodNotAllowed";
    /// <summary>The body's Content-Type is not one the endpoint reads (415).</summary>
    public const string UnsupportedMediaType = "Platform.UnsupportedMediaType";
    /// <summary>The body is larger than the server accepts (413).</summary>
    public const string PayloadTooLarge = "Platform.PayloadTooLarge";

    /// <summary>A cookie-authenticated change of state sent from another site's page (cross-site request forgery).</summary>
    public const string ForeignOrigin = "Platform.ForeignOrigin";

    /// <summary>Too many failed sign-ins or token requests for now; the Retry-After header says when to try again.</summary>
    public const string TooManyAttempts = "Platform.TooManyAttempts";

    /// <summary>The person must change the password (reset by an admin) before anything else.</summary>
    public const string PasswordChangeRequired = "Platform.PasswordChangeRequired";

    /// <summary>A system admin must enrol an authenticator app (two-factor sign-in) before anything else.</summary>
    public const string TwoFactorRequired = "Platform.TwoFactorRequired";

    /// <summary>The search engine (Elasticsearch) cannot be reached; the data itself is safe.</summary>
    public const string SearchUnavailable = "Platform.SearchUnavailable";

    /// <summary>A change set of units (sáp xếp đơn vị hành chính) that cannot be applied; the errors list each problem.</summary>
    public const string ReorganisationInvalid = "Platform.ReorganisationInvalid";

    // People, roles and sessions (ADR 0014).
    public const string PersonNotFound = "Platform.Users.NotFound";
    public const string DuplicateLogin = "Platform.Users.DuplicateLogin";
    public const string UnknownRole = "Platform.Users.UnknownRole";
    public const string UnknownUnit = "Platform.Users.UnknownUnit";
    public const string UnknownAgency = "Platform.Users.UnknownAgency";
    /// <summary>A role at or above the granter's own rank, or a unit outside the granter's subtree.</summary>
    public const string GrantNotAllowed = "Platform.Users.GrantNotAllowed";
    /// <summary>Nobody grants themselves anything, deactivates or resets themselves.</summary>
    public const string SelfChange = "Platform.Users.SelfChange";
    /// <summary>The person also works outside the admin's units, or holds a role at or above the admin's.</summary>
    public const string PersonOutOfReach = "Platform.Users.OutOfReach";
    public const string MembershipOverlaps = "Platform.Users.MembershipOverlaps";
    public const string ImportInvalidFile = "Platform.Users.ImportInvalidFile";
    public const string ImportTooLarge = "Platform.Users.ImportTooLarge";
    public const string RoleNotFound = "Platform.Roles.NotFound";
    public const string DuplicateRole = "Platform.Roles.Duplicate";
    public const string UnknownPermission = "Platform.Roles.UnknownPermission";

    // Working calendar (ADR 0022). The codes keep the names they had when the calendar belonged to Counters, so
    // clients that test for them keep working.
    /// <summary>The working calendar has no data for a year the computation needs.</summary>
    public const string CalendarNotCovered = "Counters.CalendarNotCovered";
    /// <summary>A day off already exists on that date.</summary>
    public const string DayOffExists = "Counters.DayOffExists";
    public const string DayOffNotFound = "Counters.DayOffNotFound";
}
