using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace OneStop.Integration.Simulators;

/// <summary>Who the tester signs in as on the simulator's page: a citizen, or an organisation through its representative.</summary>
internal sealed record VNeIdAccount(
    string IdentityNumber, string FullName, DateOnly DateOfBirth, string? Phone, string? Email,
    string? EnterpriseCode = null, string? OrganisationName = null)
{
    public bool IsOrganisation => !string.IsNullOrEmpty(EnterpriseCode);

    /// <summary>The claims of the id_token and of the userinfo answer (VNeID-like names; <c>sub</c> is the identity number).</summary>
    public Dictionary<string, object> Claims()
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = IdentityNumber,
            ["name"] = FullName,
            ["birthdate"] = DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["account_type"] = IsOrganisation ? "organization" : "citizen",
        };
        if (!string.IsNullOrEmpty(Phone))
        {
            claims["phone_number"] = Phone;
        }

        if (!string.IsNullOrEmpty(Email))
        {
            claims["email"] = Email;
        }

        if (IsOrganisation)
        {
            claims[VNeIdSimulator.EnterpriseCodeClaim] = EnterpriseCode!;
            if (!string.IsNullOrEmpty(OrganisationName))
            {
                claims[VNeIdSimulator.OrganisationNameClaim] = OrganisationName;
            }
        }

        return claims;
    }
}

/// <summary>An authorisation request the simulator accepted, waiting for the tester's choice.</summary>
internal sealed record VNeIdAuthorizationRequest(string ClientId, string RedirectUri, string State, string Nonce, string CodeChallenge, string Scope);

/// <summary>
/// A stand-in for VNeID's OpenID Connect provider (Định danh điện tử, Bộ Công an), ADR 0046: discovery, JWKS, the
/// authorisation-code flow with PKCE (S256 only), a token endpoint issuing an RS256 id_token with VNeID-like claims, and
/// userinfo. Codes live 60 seconds and are redeemed once; a second redemption is refused and revokes what the first one
/// issued (RFC 6749 §4.1.2). Like the other simulators it keeps its state in this process's memory — it stands for a
/// system outside the platform, which keeps its own — and is slow or fails as <see cref="SandboxBehaviour"/> says for
/// <see cref="Key"/>.
/// </summary>
internal sealed class VNeIdSimulator(IConfiguration configuration, TimeProvider clock)
{
    public const string Key = "vneid";

    /// <summary>The one client the sandbox provider knows unless configured otherwise (<c>Integration:Sandbox:vneid:ClientId|ClientSecret</c>).</summary>
    public const string DefaultClientId = "onestop-hai-phong";
    public const string DefaultClientSecret = "vneid-sandbox-secret";

    /// <summary>The registered redirect address's path (any host: the platform's own address differs per machine).</summary>
    public const string DefaultRedirectPath = "/citizen/callback";

    public const string EnterpriseCodeClaim = "enterprise_code";
    public const string OrganisationNameClaim = "organization_name";

    public static readonly TimeSpan CodeLifetime = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(5);

    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly string _keyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
    private readonly ConcurrentDictionary<string, IssuedCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (VNeIdAccount Account, DateTimeOffset Expires)> _accessTokens = new(StringComparer.Ordinal);

    private sealed class IssuedCode(VNeIdAuthorizationRequest request, VNeIdAccount account, DateTimeOffset expires)
    {
        public VNeIdAuthorizationRequest Request { get; } = request;
        public VNeIdAccount Account { get; } = account;
        public DateTimeOffset Expires { get; } = expires;
        public int Redemptions;
        public string? AccessToken { get; set; }
    }

    public string ClientId => configuration[$"Integration:Sandbox:{Key}:ClientId"] is { Length: > 0 } id ? id : DefaultClientId;
    private string ClientSecret => configuration[$"Integration:Sandbox:{Key}:ClientSecret"] is { Length: > 0 } s ? s : DefaultClientSecret;
    private string RedirectPath => configuration[$"Integration:Sandbox:{Key}:RedirectPath"] is { Length: > 0 } p ? p : DefaultRedirectPath;

    /// <summary>The public half of the signing key (RFC 7517), for the JWKS endpoint and for tests.</summary>
    public object Jwks()
    {
        var p = _signingKey.ExportParameters(false);
        return new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = _keyId, n = Base64Url(p.Modulus!), e = Base64Url(p.Exponent!) } } };
    }

    public RSA PublicKey() => RSA.Create(_signingKey.ExportParameters(false));

    /// <summary>
    /// Checks an authorisation request. A bad client or redirect address is shown to the user, never redirected to
    /// (RFC 6749 §4.1.2.1); anything else bad goes back to the client as an OAuth error.
    /// </summary>
    public AuthorizationCheck Check(IReadOnlyDictionary<string, string?> p)
    {
        string? Get(string name) => p.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;
        var clientId = Get("client_id");
        var redirectUri = Get("redirect_uri");
        if (clientId is null || !FixedTimeEquals(clientId, ClientId))
        {
            return AuthorizationCheck.Fatal("invalid_client", "Ứng dụng không được đăng ký với VNeID (client_id).");
        }

        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var redirect) || redirect.Scheme is not ("https" or "http") || redirect.Fragment.Length > 0
            || !string.Equals(redirect.AbsolutePath, RedirectPath, StringComparison.Ordinal))
        {
            return AuthorizationCheck.Fatal("invalid_request", "Địa chỉ quay về (redirect_uri) không khớp với địa chỉ đã đăng ký.");
        }

        var state = Get("state");
        if (Get("response_type") != "code")
        {
            return AuthorizationCheck.Redirect(redirectUri!, state, "unsupported_response_type", "Only response_type=code is supported.");
        }

        var scopes = (Get("scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!scopes.Contains("openid"))
        {
            return AuthorizationCheck.Redirect(redirectUri!, state, "invalid_scope", "The openid scope is required.");
        }

        // PKCE is required, S256 only (RFC 7636 §4.2: 43 characters of base64url for a SHA-256 digest).
        if (Get("code_challenge_method") != "S256" || Get("code_challenge") is not { Length: 43 })
        {
            return AuthorizationCheck.Redirect(redirectUri!, state, "invalid_request", "PKCE with code_challenge_method=S256 is required.");
        }

        if (state is null || Get("nonce") is null)
        {
            return AuthorizationCheck.Redirect(redirectUri!, state, "invalid_request", "state and nonce are required.");
        }

        return AuthorizationCheck.Accepted(new VNeIdAuthorizationRequest(clientId, redirectUri!, state, Get("nonce")!, Get("code_challenge")!, string.Join(' ', scopes)));
    }

    /// <summary>The code for an accepted request and the account the tester chose.</summary>
    public string IssueCode(VNeIdAuthorizationRequest request, VNeIdAccount account)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, old) in _codes.Where(c => c.Value.Expires < now - TimeSpan.FromMinutes(10)).ToList())
        {
            _codes.TryRemove(key, out _);
        }

        var code = Base64Url(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new IssuedCode(request, account, now + CodeLifetime);
        return code;
    }

    /// <summary>The token endpoint's answer: the status and the JSON body (tokens, or an OAuth error).</summary>
    public (int Status, object Body) Redeem(string? clientId, string? clientSecret, IReadOnlyDictionary<string, string?> form, string issuer)
    {
        string? Get(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;
        if (clientId is null || clientSecret is null || !FixedTimeEquals(clientId, ClientId) || !FixedTimeEquals(clientSecret, ClientSecret))
        {
            return (401, Error("invalid_client", "Client authentication failed."));
        }

        if (Get("grant_type") != "authorization_code")
        {
            return (400, Error("unsupported_grant_type", "Only authorization_code is supported."));
        }

        if (Get("code") is not { } code || Get("redirect_uri") is not { } redirectUri || Get("code_verifier") is not { } verifier)
        {
            return (400, Error("invalid_request", "code, redirect_uri and code_verifier are required."));
        }

        if (!_codes.TryGetValue(code, out var issued))
        {
            return (400, Error("invalid_grant", "The authorization code is unknown."));
        }

        if (Interlocked.Increment(ref issued.Redemptions) > 1)
        {
            // A code seen twice was stolen or replayed: refuse it and revoke what it gave the first time.
            if (issued.AccessToken is { } revoked)
            {
                _accessTokens.TryRemove(revoked, out _);
            }

            return (400, Error("invalid_grant", "The authorization code has already been used."));
        }

        if (issued.Expires < clock.GetUtcNow())
        {
            return (400, Error("invalid_grant", "The authorization code has expired."));
        }

        if (!FixedTimeEquals(issued.Request.ClientId, clientId))
        {
            return (400, Error("invalid_grant", "The authorization code was issued to another client."));
        }

        if (!string.Equals(issued.Request.RedirectUri, redirectUri, StringComparison.Ordinal))
        {
            return (400, Error("invalid_grant", "redirect_uri does not match the authorization request."));
        }

        if (verifier.Length is < 43 or > 128 || !FixedTimeEquals(Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))), issued.Request.CodeChallenge))
        {
            return (400, Error("invalid_grant", "The code_verifier does not match the code_challenge."));
        }

        var now = clock.GetUtcNow();
        var accessToken = Base64Url(RandomNumberGenerator.GetBytes(32));
        _accessTokens[accessToken] = (issued.Account, now + AccessTokenLifetime);
        issued.AccessToken = accessToken;
        var claims = issued.Account.Claims();
        claims["iss"] = issuer;
        claims["aud"] = clientId;
        claims["iat"] = now.ToUnixTimeSeconds();
        claims["auth_time"] = now.ToUnixTimeSeconds();
        claims["exp"] = (now + TimeSpan.FromMinutes(5)).ToUnixTimeSeconds();
        claims["nonce"] = issued.Request.Nonce;
        return (200, new Dictionary<string, object>
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
            ["scope"] = issued.Request.Scope,
            ["id_token"] = Sign(claims),
        });
    }

    /// <summary>The account an access token was issued for, while it lives.</summary>
    public VNeIdAccount? UserInfo(string? accessToken) =>
        accessToken is not null && _accessTokens.TryGetValue(accessToken, out var entry) && entry.Expires > clock.GetUtcNow() ? entry.Account : null;

    /// <summary>A JWS in compact form, RS256 (RFC 7515/7518).</summary>
    private string Sign(Dictionary<string, object> claims)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = _keyId }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _signingKey.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Base64Url(signature);
    }

    public static Dictionary<string, string> Error(string error, string description) => new() { ["error"] = error, ["error_description"] = description };

    public static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}

/// <summary>The outcome of checking an authorisation request.</summary>
internal sealed record AuthorizationCheck(VNeIdAuthorizationRequest? Request, string? Error, string? Description, string? ErrorRedirect)
{
    public static AuthorizationCheck Accepted(VNeIdAuthorizationRequest request) => new(request, null, null, null);

    /// <summary>Shown on the provider's page: the client or its redirect address cannot be trusted.</summary>
    public static AuthorizationCheck Fatal(string error, string description) => new(null, error, description, null);

    /// <summary>Sent back to the client's redirect address (RFC 6749 §4.1.2.1).</summary>
    public static AuthorizationCheck Redirect(string redirectUri, string? state, string error, string description) =>
        new(null, error, description, VNeIdPages.WithQuery(redirectUri, ("error", error), ("error_description", description), ("state", state)));
}
