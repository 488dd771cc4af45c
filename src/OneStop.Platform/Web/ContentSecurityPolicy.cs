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
