using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OneStop.Platform.Web;

namespace OneStop.Integration.Simulators;

/// <summary>
/// The VNeID simulator's addresses under <c>/sandbox/vneid/</c> (ADR 0046): <c>.well-known/openid-configuration</c>,
/// <c>jwks</c>, <c>authorize</c> (GET shows the page, POST is the tester's choice), <c>token</c> and <c>userinfo</c>.
/// Errors follow OAuth 2.0 (RFC 6749 §4.1.2.1 and §5.2): <c>{"error", "error_description"}</c>, 400 or 401.
/// </summary>
internal static partial class VNeIdEndpoints
{
    public static void Map(IEndpointRouteBuilder sandbox)
    {
        var vneid = sandbox.MapGroup("/" + VNeIdSimulator.Key);
        vneid.MapGet("/.well-known/openid-configuration", async (HttpContext http, SandboxBehaviour behaviour, CancellationToken ct) =>
        {
            if (await behaviour.ShouldFailAsync(VNeIdSimulator.Key, ct))
            {
                return Unavailable();
            }

            var issuer = Issuer(http.Request);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["authorization_endpoint"] = issuer + "authorize",
                ["token_endpoint"] = issuer + "token",
                ["userinfo_endpoint"] = issuer + "userinfo",
                ["jwks_uri"] = issuer + "jwks",
                ["response_types_supported"] = new[] { "code" },
                ["response_modes_supported"] = new[] { "query" },
                ["grant_types_supported"] = new[] { "authorization_code" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["scopes_supported"] = new[] { "openid", "profile", "email", "phone" },
                ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post" },
                ["code_challenge_methods_supported"] = new[] { "S256" },
                ["claims_supported"] = new[] { "sub", "name", "birthdate", "phone_number", "email", "account_type", VNeIdSimulator.EnterpriseCodeClaim, VNeIdSimulator.OrganisationNameClaim },
                ["authorization_response_iss_parameter_supported"] = true,
            });
        });
        vneid.MapGet("/jwks", async (VNeIdSimulator simulator, SandboxBehaviour behaviour, CancellationToken ct) =>
            await behaviour.ShouldFailAsync(VNeIdSimulator.Key, ct) ? Unavailable() : Results.Json(simulator.Jwks()));

        vneid.MapGet("/authorize", (HttpContext http, VNeIdSimulator simulator) =>
        {
            var parameters = http.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
            var check = simulator.Check(parameters);
            return check.Request is null ? Refused(check) : Page(VNeIdPages.SignInPage(check.Request, new Dictionary<string, string?>(), []));
        });
        vneid.MapPost("/authorize", async (HttpContext http, VNeIdSimulator simulator) =>
        {
            var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => (string?)f.Value.ToString());
            var check = simulator.Check(form);
            if (check.Request is not { } request)
            {
                return Refused(check);
            }

            var issuer = Issuer(http.Request);
            if (form.GetValueOrDefault("action") != "allow")
            {
                return BackToClient(http, VNeIdPages.WithQuery(request.RedirectUri, ("error", "access_denied"),
                    ("error_description", "The user cancelled the sign-in."), ("state", request.State), ("iss", issuer)));
            }

            var (account, errors) = Read(form);
            if (account is null)
            {
                return Page(VNeIdPages.SignInPage(request, form, errors), StatusCodes.Status400BadRequest);
            }

            var code = simulator.IssueCode(request, account);
            return BackToClient(http, VNeIdPages.WithQuery(request.RedirectUri, ("code", code), ("state", request.State), ("iss", issuer)));
        });

        vneid.MapPost("/token", async (HttpContext http, VNeIdSimulator simulator, SandboxBehaviour behaviour, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.Pragma = "no-cache";
            if (await behaviour.ShouldFailAsync(VNeIdSimulator.Key, ct))
            {
                return Unavailable();
            }

            if (!http.Request.HasFormContentType)
            {
                return Results.Json(VNeIdSimulator.Error("invalid_request", "The token request must be form-encoded."), statusCode: StatusCodes.Status400BadRequest);
            }

            var form = (await http.Request.ReadFormAsync(ct)).ToDictionary(f => f.Key, f => (string?)f.Value.ToString());
            var (clientId, secret, basic) = ClientCredentials(http.Request, form);
            var (status, body) = simulator.Redeem(clientId, secret, form, Issuer(http.Request));
            if (status == StatusCodes.Status401Unauthorized && basic)
            {
                http.Response.Headers.WWWAuthenticate = "Basic realm=\"vneid\"";
            }

            return Results.Json(body, statusCode: status);
        });

        vneid.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http, VNeIdSimulator simulator, SandboxBehaviour behaviour, CancellationToken ct) =>
        {
            if (await behaviour.ShouldFailAsync(VNeIdSimulator.Key, ct))
            {
                return Unavailable();
            }

            var header = http.Request.Headers.Authorization.ToString();
            var account = header.StartsWith("Bearer ", StringComparison.Ordinal) ? simulator.UserInfo(header["Bearer ".Length..].Trim()) : null;
            if (account is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return Results.Json(VNeIdSimulator.Error("invalid_token", "The access token is missing, unknown or expired."), statusCode: StatusCodes.Status401Unauthorized);
            }

            return Results.Json(account.Claims());
        });
    }

    /// <summary>This simulator's issuer as its caller addressed it (the platform's own address differs per machine).</summary>
    public static string Issuer(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/sandbox/{VNeIdSimulator.Key}/";

    /// <summary>The tester's account from the form, or what is wrong with it (Vietnamese, as the provider's page speaks).</summary>
    internal static (VNeIdAccount? Account, List<string> Errors) Read(IReadOnlyDictionary<string, string?> form)
    {
        string Get(string name) => (form.GetValueOrDefault(name) ?? "").Trim();
        var errors = new List<string>();
        var number = Get("identity_number");
        var name = Get("full_name");
        if (!IdentityNumber().IsMatch(number))
        {
            errors.Add("Số định danh cá nhân phải gồm đúng 12 chữ số.");
        }

        if (name.Length is 0 or > 100)
        {
            errors.Add("Nhập họ và tên (tối đa 100 ký tự).");
        }

        if (!DateOnly.TryParseExact(Get("birthdate"), "yyyy-MM-dd", out var born) || born.Year < 1900 || born > DateOnly.FromDateTime(DateTime.UtcNow))
        {
            errors.Add("Nhập ngày sinh hợp lệ.");
        }

        var phone = Get("phone");
        if (phone.Length > 0 && !Phone().IsMatch(phone))
        {
            errors.Add("Số điện thoại gồm 10 chữ số, bắt đầu bằng 0.");
        }

        var email = Get("email");
        if (email.Length > 0 && (email.Length > 254 || !email.Contains('@')))
        {
            errors.Add("Thư điện tử không hợp lệ.");
        }

        var organisation = Get("kind") == "organisation";
        var enterprise = Get("enterprise_code");
        if (organisation && !EnterpriseCode().IsMatch(enterprise))
        {
            errors.Add("Mã số doanh nghiệp gồm 10 chữ số (hoặc 10 chữ số, gạch ngang và 3 chữ số với chi nhánh).");
        }

        var organisationName = Get("organisation_name");
        return errors.Count > 0 ? (null, errors) : (new VNeIdAccount(number, name, born, phone.Length > 0 ? phone : null, email.Length > 0 ? email : null,
            organisation ? enterprise : null, organisation && organisationName.Length > 0 ? organisationName : null), errors);
    }

    /// <summary>client_secret_basic (RFC 6749 §2.3.1: form-encoded id and secret) or client_secret_post.</summary>
    private static (string? ClientId, string? Secret, bool Basic) ClientCredentials(HttpRequest request, IReadOnlyDictionary<string, string?> form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } parameter)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(parameter)).Split(':', 2);
                return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0].Replace('+', ' ')), Uri.UnescapeDataString(pair[1].Replace('+', ' ')), true) : (null, null, true);
            }
            catch (FormatException)
            {
                return (null, null, true);
            }
        }

        return (form.GetValueOrDefault("client_id"), form.GetValueOrDefault("client_secret"), false);
    }

    private static IResult Refused(AuthorizationCheck check) => check.ErrorRedirect is { } location
        ? Results.Redirect(location)
        : Page(VNeIdPages.ErrorPage(check.Error!, check.Description!), StatusCodes.Status400BadRequest);

    /// <summary>A 302 when the client is on this page's origin; otherwise a page that navigates there (see <see cref="VNeIdPages.ContinuePage"/>).</summary>
    private static IResult BackToClient(HttpContext http, string location) =>
        ContentSecurityPolicy.FormMayRedirectTo(http.Request, location) ? Results.Redirect(location) : Page(VNeIdPages.ContinuePage(location));

    private static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static IResult Unavailable() =>
        Results.Json(VNeIdSimulator.Error("temporarily_unavailable", "VNeID is temporarily unavailable."), statusCode: StatusCodes.Status503ServiceUnavailable);

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex IdentityNumber();

    [GeneratedRegex(@"^0\d{9}$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^\d{10}(-\d{3})?$")]
    private static partial Regex EnterpriseCode();
}
