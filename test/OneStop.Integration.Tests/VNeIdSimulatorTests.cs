using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Integration.Simulators;

namespace OneStop.Integration.Tests;

/// <summary>
/// The VNeID simulator speaks OpenID Connect as a provider must (ADR 0046): the authorisation-code flow with PKCE S256,
/// an RS256 id_token verifiable with its published key, userinfo; and it refuses a wrong code_verifier, a reused code
/// (revoking what the code gave), a redirect_uri other than the authorisation request's, an unregistered redirect
/// address, plain PKCE and a wrong client secret, with OAuth error responses. Run alone, as <c>etc/simulators</c> runs it.
/// </summary>
public sealed class VNeIdSimulatorTests : IAsyncLifetime
{
    private const string Redirect = "http://localhost/citizen/callback";
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthorization();
        IntegrationModule.AddSimulators(builder.Services);
        _app = builder.Build();
        _app.UseAuthorization();
        IntegrationModule.MapSimulators(_app);
        await _app.StartAsync();
        _client = _app.GetTestClient();
        _app.Services.GetRequiredService<SandboxBehaviour>().Set(VNeIdSimulator.Key, new SimulatorSettings(0, 0, null));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_code_redeemed_with_its_verifier_gives_a_signed_id_token_with_the_citizens_claims_and_userinfo()
    {
        var discovery = await _client.GetFromJsonAsync<JsonElement>("/sandbox/vneid/.well-known/openid-configuration");
        discovery.GetProperty("issuer").GetString().ShouldBe("http://localhost/sandbox/vneid/");
        discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()).ShouldBe(["S256"]);
        discovery.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()).ShouldBe(["RS256"]);

        var page = await _client.GetAsync("/sandbox/vneid/authorize?" + Query(Authorize(Challenge("v"))));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Đăng nhập bằng tài khoản định danh điện tử VNeID");

        var verifier = Verifier();
        var (code, state) = await CodeAsync(Challenge(verifier), Citizen("030090002468", "Lê Văn Cường"));
        state.ShouldBe("state-1");
        var tokens = await _client.PostAsync("/sandbox/vneid/token", Form(Redeem(code, verifier)));
        var body = await tokens.Content.ReadFromJsonAsync<JsonElement>();
        tokens.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        tokens.Headers.CacheControl!.NoStore.ShouldBeTrue();

        var claims = VerifiedPayload(body.GetProperty("id_token").GetString()!, await _client.GetFromJsonAsync<JsonElement>("/sandbox/vneid/jwks"));
        claims.GetProperty("iss").GetString().ShouldBe("http://localhost/sandbox/vneid/");
        claims.GetProperty("aud").GetString().ShouldBe(VNeIdSimulator.DefaultClientId);
        claims.GetProperty("sub").GetString().ShouldBe("030090002468");
        claims.GetProperty("name").GetString().ShouldBe("Lê Văn Cường");
        claims.GetProperty("birthdate").GetString().ShouldBe("1990-09-02");
        claims.GetProperty("phone_number").GetString().ShouldBe("0912345678");
        claims.GetProperty("email").GetString().ShouldBe("cuong@example.vn");
        claims.GetProperty("nonce").GetString().ShouldBe("nonce-1");
        claims.TryGetProperty(VNeIdSimulator.EnterpriseCodeClaim, out _).ShouldBeFalse();

        var access = body.GetProperty("access_token").GetString()!;
        using var userinfo = new HttpRequestMessage(HttpMethod.Get, "/sandbox/vneid/userinfo");
        userinfo.Headers.Authorization = new("Bearer", access);
        var info = await _client.SendAsync(userinfo);
        info.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await info.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sub").GetString().ShouldBe("030090002468");
        (await _client.GetAsync("/sandbox/vneid/userinfo")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The same code again: refused, and the access token it gave the first time no longer works.
        var again = await _client.PostAsync("/sandbox/vneid/token", Form(Redeem(code, verifier)));
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("invalid_grant");
        using var revoked = new HttpRequestMessage(HttpMethod.Get, "/sandbox/vneid/userinfo");
        revoked.Headers.Authorization = new("Bearer", access);
        (await _client.SendAsync(revoked)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_organisation_signs_in_by_its_representative_with_its_enterprise_code()
    {
        var verifier = Verifier();
        var account = Citizen("030090001234", "Nguyễn Văn An");
        account["kind"] = "organisation";
        account["enterprise_code"] = "0800123456";
        account["organisation_name"] = "Công ty TNHH Hưng Thịnh";
        var (code, _) = await CodeAsync(Challenge(verifier), account);
        var body = await (await _client.PostAsync("/sandbox/vneid/token", Form(Redeem(code, verifier)))).Content.ReadFromJsonAsync<JsonElement>();
        var claims = VerifiedPayload(body.GetProperty("id_token").GetString()!, await _client.GetFromJsonAsync<JsonElement>("/sandbox/vneid/jwks"));
        claims.GetProperty("sub").GetString().ShouldBe("030090001234");
        claims.GetProperty(VNeIdSimulator.EnterpriseCodeClaim).GetString().ShouldBe("0800123456");
        claims.GetProperty(VNeIdSimulator.OrganisationNameClaim).GetString().ShouldBe("Công ty TNHH Hưng Thịnh");
        claims.GetProperty("account_type").GetString().ShouldBe("organization");
    }

    [Fact]
    public async Task A_wrong_verifier_a_reused_code_and_a_wrong_redirect_uri_are_refused_with_OAuth_errors()
    {
        // A wrong code_verifier: invalid_grant, and the code is spent (the right verifier afterwards is refused too).
        var verifier = Verifier();
        var (code, _) = await CodeAsync(Challenge(verifier), Citizen("030090002468", "Lê Văn Cường"));
        await RefusedAsync(Redeem(code, Verifier()), HttpStatusCode.BadRequest, "invalid_grant");
        await RefusedAsync(Redeem(code, verifier), HttpStatusCode.BadRequest, "invalid_grant");

        // A redirect_uri other than the authorisation request's.
        verifier = Verifier();
        (code, _) = await CodeAsync(Challenge(verifier), Citizen("030090002468", "Lê Văn Cường"));
        var wrongRedirect = Redeem(code, verifier);
        wrongRedirect["redirect_uri"] = "http://localhost/citizen/callback?x=1";
        await RefusedAsync(wrongRedirect, HttpStatusCode.BadRequest, "invalid_grant");

        // A wrong client secret; an unsupported grant; a missing verifier.
        verifier = Verifier();
        (code, _) = await CodeAsync(Challenge(verifier), Citizen("030090002468", "Lê Văn Cường"));
        var wrongSecret = Redeem(code, verifier);
        wrongSecret["client_secret"] = "guess";
        await RefusedAsync(wrongSecret, HttpStatusCode.Unauthorized, "invalid_client");
        var password = Redeem(code, verifier);
        password["grant_type"] = "password";
        await RefusedAsync(password, HttpStatusCode.BadRequest, "unsupported_grant_type");
        var noVerifier = Redeem(code, verifier);
        noVerifier.Remove("code_verifier");
        await RefusedAsync(noVerifier, HttpStatusCode.BadRequest, "invalid_request");
        // Client authentication by HTTP Basic works as well (the code was not spent by the refusals above).
        using var basic = new HttpRequestMessage(HttpMethod.Post, "/sandbox/vneid/token") { Content = Form(Redeem(code, verifier).Where(p => p.Key != "client_secret").ToDictionary()) };
        basic.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{VNeIdSimulator.DefaultClientId}:{VNeIdSimulator.DefaultClientSecret}")));
        (await _client.SendAsync(basic)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_authorisation_requests_go_back_as_errors_or_stay_on_the_providers_page()
    {
        // Plain PKCE (or none): back to the client with invalid_request and its state.
        var plain = Authorize(Challenge("v"));
        plain["code_challenge_method"] = "plain";
        var refused = await _client.GetAsync("/sandbox/vneid/authorize?" + Query(plain));
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldStartWith(Redirect + "?error=invalid_request");
        refused.Headers.Location!.ToString().ShouldContain("state=state-1");

        // An address that is not the registered one, or an unknown client: never redirected to, the page says why.
        var elsewhere = Authorize(Challenge("v"));
        elsewhere["redirect_uri"] = "https://attacker.example/steal";
        var shown = await _client.GetAsync("/sandbox/vneid/authorize?" + Query(elsewhere));
        shown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        shown.Headers.Location.ShouldBeNull();
        var unknown = Authorize(Challenge("v"));
        unknown["client_id"] = "someone-else";
        (await _client.GetAsync("/sandbox/vneid/authorize?" + Query(unknown))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A mistyped identity number stays on the page with the reason, and no code is issued.
        var typo = Authorize(Challenge("v"));
        foreach (var (key, value) in Citizen("03009000246", "Lê Văn Cường"))
        {
            typo[key] = value;
        }

        var page = await _client.PostAsync("/sandbox/vneid/authorize", Form(typo));
        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Số định danh cá nhân phải gồm đúng 12 chữ số.");

        // Cancelling goes back with access_denied.
        var cancel = Authorize(Challenge("v"));
        cancel["action"] = "deny";
        var cancelled = await _client.PostAsync("/sandbox/vneid/authorize", Form(cancel));
        cancelled.Headers.Location!.ToString().ShouldStartWith(Redirect + "?error=access_denied");
    }

    [Fact]
    public async Task The_provider_is_slow_or_down_as_the_sandbox_behaviour_says()
    {
        _app.Services.GetRequiredService<SandboxBehaviour>().Set(VNeIdSimulator.Key, new SimulatorSettings(0, 1.0, null));
        var verifier = Verifier();
        var (code, _) = await CodeAsync(Challenge(verifier), Citizen("030090002468", "Lê Văn Cường"));
        await RefusedAsync(Redeem(code, verifier), HttpStatusCode.ServiceUnavailable, "temporarily_unavailable");
        (await _client.GetAsync("/sandbox/vneid/.well-known/openid-configuration")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    private async Task<(string Code, string State)> CodeAsync(string challenge, Dictionary<string, string> account)
    {
        var form = Authorize(challenge);
        foreach (var (key, value) in account)
        {
            form[key] = value;
        }

        var response = await _client.PostAsync("/sandbox/vneid/authorize", Form(form));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe(Redirect);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        query["iss"].ToString().ShouldBe("http://localhost/sandbox/vneid/");
        return (query["code"].ToString(), query["state"].ToString());
    }

    private async Task RefusedAsync(Dictionary<string, string> form, HttpStatusCode status, string error)
    {
        var response = await _client.PostAsync("/sandbox/vneid/token", Form(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(status, body.ToString());
        body.GetProperty("error").GetString().ShouldBe(error);
        body.TryGetProperty("id_token", out _).ShouldBeFalse();
    }

    private static Dictionary<string, string> Authorize(string challenge) => new()
    {
        ["response_type"] = "code",
        ["client_id"] = VNeIdSimulator.DefaultClientId,
        ["redirect_uri"] = Redirect,
        ["scope"] = "openid profile email phone",
        ["state"] = "state-1",
        ["nonce"] = "nonce-1",
        ["code_challenge"] = challenge,
        ["code_challenge_method"] = "S256",
    };

    private static Dictionary<string, string> Citizen(string number, string name) => new()
    {
        ["action"] = "allow",
        ["kind"] = "citizen",
        ["identity_number"] = number,
        ["full_name"] = name,
        ["birthdate"] = "1990-09-02",
        ["phone"] = "0912345678",
        ["email"] = "cuong@example.vn",
    };

    private static Dictionary<string, string> Redeem(string code, string verifier) => new()
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = Redirect,
        ["code_verifier"] = verifier,
        ["client_id"] = VNeIdSimulator.DefaultClientId,
        ["client_secret"] = VNeIdSimulator.DefaultClientSecret,
    };

    private static string Verifier() => VNeIdSimulator.Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Challenge(string verifier) => VNeIdSimulator.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static FormUrlEncodedContent Form(Dictionary<string, string> values) => new(values);

    private static string Query(Dictionary<string, string> values) =>
        string.Join('&', values.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    /// <summary>The payload of a compact JWS after checking its RS256 signature against the provider's JWKS.</summary>
    private static JsonElement VerifiedPayload(string jwt, JsonElement jwks)
    {
        var parts = jwt.Split('.');
        parts.Length.ShouldBe(3);
        var header = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0])).RootElement;
        header.GetProperty("alg").GetString().ShouldBe("RS256");
        var key = jwks.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == header.GetProperty("kid").GetString());
        using var rsa = RSA.Create(new RSAParameters
        {
            Modulus = System.Buffers.Text.Base64Url.DecodeFromChars(key.GetProperty("n").GetString()),
            Exponent = System.Buffers.Text.Base64Url.DecodeFromChars(key.GetProperty("e").GetString()),
        });
        rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .ShouldBeTrue("the id_token's signature verifies with the published key");
        return JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).RootElement.Clone();
    }
}
