namespace OneStop.Platform.EndToEnd;

/// <summary>
/// The host as a province installs it: no demo account, no demo API client, an authenticator required for system
/// admins. Cookies stay plain: the host speaks http here, and antiforgery refuses a Secure-only cookie on a plain request
/// (the Secure flag itself is checked in SessionTests).
/// </summary>
public sealed class ProductionBrowserHost : BrowserHost
{
    public ProductionBrowserHost()
    {
        With("Seed:DemoUsers", "false");
        With("Seed:DemoApiClient", "false");
        With("Identity:RequireTwoFactorForAdmins", "true");
    }
}
