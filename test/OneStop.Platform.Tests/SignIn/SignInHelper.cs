using System.Net;
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
}
