using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Shouldly;

namespace OneStop.Platform.TestKit;

/// <summary>
/// A citizen signed in through the host's own VNeID simulator the way a browser does it (ADR 0046): the portal's
/// sign-in address, the provider's authorisation page, the tester's choice posted there, the callback with the code
/// (which the host redeems over its own loopback with the PKCE verifier). The client keeps the citizen's cookie.
/// </summary>
public static class CitizenSignIn
{
    public static async Task<HttpClient> SignInAsync(
        OneStopFactory factory, string identityNumber, string fullName, string? enterpriseCode = null, string returnUrl = "/Portal/MyDossiers")
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInAsync(client, identityNumber, fullName, enterpriseCode, returnUrl);
        return client;
    }

    /// <summary>The same sign-in with a client the test made (one that does not follow redirects and keeps cookies).</summary>
    public static async Task SignInAsync(HttpClient client, string identityNumber, string fullName, string? enterpriseCode = null, string returnUrl = "/Portal/MyDossiers")
    {
        var start = await client.GetAsync("/citizen/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect, await start.Content.ReadAsStringAsync());
        var authorize = start.Headers.Location!;
        authorize.AbsolutePath.ShouldBe("/sandbox/vneid/authorize");
        (await client.GetAsync(authorize)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The page's hidden fields are the authorisation request's parameters; the rest is what the tester types.
        var form = QueryHelpers.ParseQuery(authorize.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        form["action"] = "allow";
        form["kind"] = enterpriseCode is null ? "citizen" : "organisation";
        form["identity_number"] = identityNumber;
        form["full_name"] = fullName;
        form["birthdate"] = "1990-05-12";
        form["phone"] = "0912000111";
        form["email"] = "congdan@example.vn";
        if (enterpriseCode is not null)
        {
            form["enterprise_code"] = enterpriseCode;
            form["organisation_name"] = "Công ty TNHH " + fullName;
        }

        var chosen = await client.PostAsync(authorize.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(form));
        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect, await chosen.Content.ReadAsStringAsync());
        var callback = chosen.Headers.Location!;
        callback.AbsolutePath.ShouldBe("/citizen/callback");

        var signedIn = await client.GetAsync(callback);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.ToString().ShouldBe(returnUrl, "the callback signs the citizen in and goes back (a failure goes to /Portal?signin=failed)");
    }
}
