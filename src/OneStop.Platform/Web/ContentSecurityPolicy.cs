using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace OneStop.Platform.Web;

/// <summary>
/// The per-response nonce of the Content-Security-Policy: an inline <c>&lt;script nonce="@ContentSecurityPolicy.Nonce(Context)"&gt;</c>
/// runs, any other inline script (injected markup) does not.
/// </summary>
public static class ContentSecurityPolicy
{
    private static readonly object NonceKey = new();

    /// <summary>
    /// Whether a browser follows a form's redirect to <paramref name="location"/> under our <c>form-action 'self'</c>: a
    /// path, or an http(s) address on the request's own origin. Elsewhere (a payment platform, a sign-in provider) the
    /// answer to a form has to be a page that navigates there instead.
    /// </summary>
    public static bool FormMayRedirectTo(HttpRequest request, string location) =>
        // A path ("/Portal/…") is this site; on Unix Uri reads it as an absolute file: URI, hence the scheme test.
        !Uri.TryCreate(location, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https")
        || string.Equals(target.GetLeftPart(UriPartial.Authority), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);

    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            // Hex: no character that HTML encoding would change in the attribute.
            nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }
}
