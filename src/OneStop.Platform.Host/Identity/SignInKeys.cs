using OneStop.Platform.Identity;

namespace OneStop.Platform.Host.Identity;

/// <summary>The throttle keys of a person's sign-in attempt: the login first, then the client's address if known.</summary>
internal static class SignInKeys
{
    public static IReadOnlyList<string> For(HttpContext context, string login)
    {
        var keys = new List<string> { SignInThrottler.LoginKey(SignInThrottler.Normalize(login)) };
        if (context.Connection.RemoteIpAddress is { } address)
        {
            keys.Add(SignInThrottler.AddressKey(address.ToString()));
        }

        return keys;
    }
}
