namespace OneStop.Platform.Host.Identity;

/// <summary>Claims that hold a signed-in person at one page until a duty is done (see <see cref="AccountGateMiddleware"/>).</summary>
internal static class AccountClaims
{
    /// <summary>Present while <see cref="OneStop.Platform.Identity.PlatformUser.MustChangePassword"/> is set.</summary>
    public const string MustChangePassword = "onestop:must_change_password";

    /// <summary>Present while a system admin has no authenticator (Identity:RequireTwoFactorForAdmins).</summary>
    public const string MustEnrolAuthenticator = "onestop:must_enrol_2fa";
}
