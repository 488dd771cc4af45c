using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using OneStop.Platform.Identity;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests.SignIn;

/// <summary>Sign-in steps the tests need beyond <see cref="OneStopFactory.SignInAsync"/>: a visible cookie jar, an address, TOTP.</summary>
internal static class SignInHelper
{
    public static readonly Uri Base = new("http://localhost");

    /// <summary>A client whose cookies the test can read (to replay a captured cookie), playing a client at <paramref name="address"/>.</summary>
    public static HttpClient Client(OneStopFactory factory, CookieContainer jar, string? address = null)
    {
        var client = factory.CreateDefaultClient(Base, new CookieContainerHandler(jar));
        if (address is not null)
        {
            client.DefaultRequestHeaders.Add(OneStopFactory.ClientAddressHeader, address);
        }

        return client;
    }

    /// <summary>Posts the login form; the response (302 on success, 200 with the message otherwise).</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string login, string password = PlatformSeeder.DemoPassword) =>
        OneStopFactory.PostFormAsync(client, "/Account/Login", "/Account/Login", new()
        {
            ["Input.UserName"] = login,
            ["Input.Password"] = password,
        });

    /// <summary>The login page's error text (the validation summary).</summary>
    public static string LoginError(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"login-error\"[^>]*>\\s*<ul>\\s*<li>([^<]*)</li>").Groups[1].Value);

    /// <summary>RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) of a base32 key, as an authenticator app computes it.</summary>
    public static string Totp(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c != '=' && c != ' '))
        {
            value = (value << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
