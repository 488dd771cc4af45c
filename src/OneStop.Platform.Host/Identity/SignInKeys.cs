using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OneStop.Platform.Identity;

namespace OneStop.Platform.Host.Identity;

/// <summary>
/// The throttle keys of a sign-in attempt. A stranger's failures block <c>login:</c> and <c>address:</c> keys, which
/// would also hold the owner: so a browser the owner has signed in with before (a device cookie, OWASP's "device
/// cookies") counts its failures on its own <c>device:</c> key instead, and strangers cannot keep the owner out.
/// </summary>
// Public only because the (public) login page models take it.
public sealed class SignInKeys(IDataProtectionProvider protection, IOptions<AccountOptions> options, TimeProvider clock)
{
    public const string DeviceCookie = "onestop.device";

    private readonly IDataProtector _protector = protection.CreateProtector("OneStop.Platform.SignInDevice.v1");

    /// <summary>The keys in order: the one a success forgets comes first (the device's, else the login's).</summary>
    public IReadOnlyList<string> For(HttpContext context, string login)
    {
        var normalized = SignInThrottler.Normalize(login);
        if (DeviceOf(context, normalized) is { } device)
        {
            return [SignInThrottler.DeviceKey(device)];
        }

        var keys = new List<string> { SignInThrottler.LoginKey(normalized) };
        if (context.Connection.RemoteIpAddress is { } address)
        {
            keys.Add(SignInThrottler.AddressKey(address.ToString()));
        }

        return keys;
    }

    /// <summary>After a successful sign-in: this browser is the person's from now on (a year, renewed at each sign-in).</summary>
    public void RememberDevice(HttpContext context, string login)
    {
        var normalized = SignInThrottler.Normalize(login);
        var device = DeviceOf(context, normalized) ?? Guid.NewGuid().ToString("N");
        context.Response.Cookies.Append(DeviceCookie, _protector.Protect(normalized + "\n" + device), new CookieOptions
        {
            HttpOnly = true,
            Secure = options.Value.SecureCookies || context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Expires = clock.GetUtcNow().AddYears(1),
        });
    }

    private string? DeviceOf(HttpContext context, string normalizedLogin)
    {
        if (context.Request.Cookies[DeviceCookie] is not { Length: > 0 } cookie)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(cookie).Split('\n');
            return parts.Length == 2 && parts[0] == normalizedLogin ? parts[1] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // forged, or keys rotated away: an unknown browser
        }
    }
}
