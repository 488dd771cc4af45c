namespace OneStop.Portal.Contracts;

/// <summary>
/// The citizen's sign-in (ADR 0046): its own cookie scheme, separate from staff sign-in, and the addresses that start and
/// finish it. A citizen's cookie is read only by pages that ask for this scheme; staff pages never do.
/// </summary>
public static class CitizenAuthentication
{
    /// <summary>The cookie scheme of a citizen or organisation signed in through VNeID.</summary>
    public const string Scheme = "Citizen";

    /// <summary>Starts "Đăng nhập bằng VNeID" (<c>?returnUrl=</c> a local address to come back to).</summary>
    public const string SignInPath = "/citizen/signin";

    /// <summary>Where the identity provider sends the browser back with the authorisation code.</summary>
    public const string CallbackPath = "/citizen/callback";

    /// <summary>The sign-in address that comes back to <paramref name="returnUrl"/>.</summary>
    public static string SignIn(string returnUrl) => SignInPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl);
}
