namespace OneStop.Platform.EndToEnd;

/// <summary>
/// The host as a province installs it: no demo account, no demo API client, an authenticator required for system
/// admins, Secure cookies (Chromium keeps them on http://localhost, a secure context).
/// </summary>
public sealed class ProductionBrowserHost : BrowserHost
{
    public ProductionBrowserHost()
    {
        With("Seed:DemoUsers", "false");
        With("Seed:DemoApiClient", "false");
        With("Identity:RequireTwoFactorForAdmins", "true");
        With("Identity:SecureCookies", "true");
    }
}
