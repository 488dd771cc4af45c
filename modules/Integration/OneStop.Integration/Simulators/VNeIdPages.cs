using System.Text;
using System.Text.Encodings.Web;

namespace OneStop.Integration.Simulators;

/// <summary>
/// The simulated VNeID's sign-in page: the tester picks a sample citizen or types a citizen or an organisation. Plain HTML
/// without scripts (the host's Content-Security-Policy), Vietnamese first with English beside, usable on a phone.
/// </summary>
internal static class VNeIdPages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>Sample accounts: the population simulator's citizens, and one organisation (a representative and its enterprise code).</summary>
    public static readonly VNeIdAccount[] Samples =
    [
        .. SimulatedRegistries.KnownCitizens.Select((c, i) => new VNeIdAccount(c.CitizenId, c.FullName, c.DateOfBirth, $"09120{c.CitizenId[^5..]}", i == 0 ? "an.nguyen@example.vn" : null)),
        new VNeIdAccount("030090001234", "Nguyễn Văn An", new DateOnly(1990, 5, 12), "0912001234", "ketoan@hungthinh.example.vn", "0800123456", "Công ty TNHH Hưng Thịnh"),
    ];

    public static string SignInPage(VNeIdAuthorizationRequest request, IReadOnlyDictionary<string, string?> typed, IReadOnlyList<string> errors)
    {
        var hidden = Hidden(request);
        var b = new StringBuilder();
        b.Append(Head("Đăng nhập VNeID (giả lập)"));
        b.Append("<main id=\"main\" class=\"container py-3\"><h1 class=\"h4\">Đăng nhập bằng tài khoản định danh điện tử VNeID <span class=\"text-body-secondary fs-6\" lang=\"en\">(VNeID sign-in, simulator)</span></h1>");
        b.Append("<p class=\"text-body-secondary\">Trang giả lập của hệ thống VNeID, chỉ dùng để thử nghiệm. Ứng dụng <strong>")
            .Append(Html.Encode(request.ClientId)).Append("</strong> yêu cầu: họ tên, ngày sinh, số định danh, số điện thoại, thư điện tử.</p>");
        if (errors.Count > 0)
        {
            b.Append("<div class=\"alert alert-danger\" role=\"alert\" data-testid=\"vneid-errors\"><ul class=\"mb-0\">");
            foreach (var e in errors)
            {
                b.Append("<li>").Append(Html.Encode(e)).Append("</li>");
            }

            b.Append("</ul></div>");
        }

        b.Append("<h2 class=\"h5 mt-3\">Chọn tài khoản mẫu <span class=\"text-body-secondary fs-6\" lang=\"en\">(sample accounts)</span></h2><ul class=\"list-unstyled\" data-testid=\"vneid-samples\">");
        foreach (var s in Samples)
        {
            b.Append("<li class=\"mb-2\"><form method=\"post\">").Append(hidden)
                .Append(Field("kind", s.IsOrganisation ? "organisation" : "citizen")).Append(Field("identity_number", s.IdentityNumber))
                .Append(Field("full_name", s.FullName)).Append(Field("birthdate", s.DateOfBirth.ToString("yyyy-MM-dd"))).Append(Field("phone", s.Phone))
                .Append(Field("email", s.Email)).Append(Field("enterprise_code", s.EnterpriseCode)).Append(Field("organisation_name", s.OrganisationName))
                .Append("<button type=\"submit\" name=\"action\" value=\"allow\" class=\"btn btn-outline-primary w-100 text-start\">")
                .Append(Html.Encode(s.IsOrganisation ? $"{s.OrganisationName} — MSDN {s.EnterpriseCode} (người đại diện {s.FullName})" : $"{s.FullName} — {s.IdentityNumber}"))
                .Append("</button></form></li>");
        }

        b.Append("</ul><h2 class=\"h5 mt-3\">Hoặc nhập thông tin <span class=\"text-body-secondary fs-6\" lang=\"en\">(or type an account)</span></h2>");
        b.Append("<form method=\"post\" data-testid=\"vneid-form\">").Append(hidden);
        var organisation = typed.GetValueOrDefault("kind") == "organisation";
        b.Append("<fieldset class=\"mb-3\"><legend class=\"fs-6\">Loại tài khoản <span lang=\"en\">(account)</span></legend>")
            .Append(Radio("kind-citizen", "citizen", "Công dân (citizen)", !organisation))
            .Append(Radio("kind-organisation", "organisation", "Tổ chức (organisation)", organisation)).Append("</fieldset>");
        b.Append(Input("identity_number", "Số định danh cá nhân (12 chữ số)", "text", typed, "numeric", "off", required: true))
            .Append(Input("full_name", "Họ và tên", "text", typed, null, "name", required: true))
            .Append(Input("birthdate", "Ngày sinh", "date", typed, null, "bday", required: true))
            .Append(Input("phone", "Số điện thoại", "tel", typed, "tel", "tel", required: false))
            .Append(Input("email", "Thư điện tử", "email", typed, "email", "email", required: false))
            .Append(Input("enterprise_code", "Mã số doanh nghiệp (chỉ với tổ chức)", "text", typed, "numeric", "off", required: false))
            .Append(Input("organisation_name", "Tên tổ chức (chỉ với tổ chức)", "text", typed, null, "organization", required: false));
        b.Append("<div class=\"d-flex gap-2 flex-wrap\"><button type=\"submit\" name=\"action\" value=\"allow\" class=\"btn btn-primary\" data-testid=\"vneid-allow\">Xác nhận đăng nhập</button>")
            .Append("<button type=\"submit\" name=\"action\" value=\"deny\" formnovalidate class=\"btn btn-outline-secondary\">Hủy</button></div></form></main></body></html>");
        return b.ToString();
    }

    /// <summary>The provider's own error page, for a request it must not send back (unknown client, unregistered address).</summary>
    public static string ErrorPage(string error, string description) =>
        Head("Lỗi đăng nhập VNeID") + "<main id=\"main\" class=\"container py-3\"><h1 class=\"h4\">Không thể đăng nhập bằng VNeID</h1><div class=\"alert alert-danger\" role=\"alert\"><p class=\"mb-1\">"
        + Html.Encode(description) + "</p><p class=\"mb-0 small\"><code>" + Html.Encode(error) + "</code></p></div></main></body></html>";

    /// <summary>
    /// Back to the client when its address is another origin than this page's: the host's Content-Security-Policy
    /// (<c>form-action 'self'</c>) stops a browser from following a form's redirect to another origin, which the real
    /// VNeID, on its own site, is not subject to. A refresh is a plain navigation; the link is there without it.
    /// </summary>
    public static string ContinuePage(string location) =>
        Head("Đang quay về ứng dụng", $"<meta http-equiv=\"refresh\" content=\"0;url={Html.Encode(location)}\" />")
        + "<main id=\"main\" class=\"container py-3\"><h1 class=\"h4\">Đăng nhập thành công</h1><p><a href=\""
        + Html.Encode(location) + "\" data-testid=\"vneid-continue\">Quay về ứng dụng</a></p></main></body></html>";

    public static string WithQuery(string uri, params (string Name, string? Value)[] parameters)
    {
        var b = new StringBuilder(uri);
        var separator = uri.Contains('?') ? '&' : '?';
        foreach (var (name, value) in parameters.Where(p => p.Value is not null))
        {
            b.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value!));
            separator = '&';
        }

        return b.ToString();
    }

    private static string Head(string title, string extra = "") =>
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\" /><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />"
        + $"<title>{Html.Encode(title)}</title><link rel=\"stylesheet\" href=\"/lib/bootstrap/css/bootstrap.min.css\" />{extra}</head><body>"
        + "<header class=\"text-bg-dark\"><div class=\"container py-2 fw-semibold\">VNeID — Định danh điện tử <span lang=\"en\">(sandbox)</span></div></header>";

    private static string Hidden(VNeIdAuthorizationRequest r) =>
        Field("client_id", r.ClientId) + Field("redirect_uri", r.RedirectUri) + Field("state", r.State) + Field("nonce", r.Nonce)
        + Field("code_challenge", r.CodeChallenge) + Field("code_challenge_method", "S256") + Field("scope", r.Scope) + Field("response_type", "code");

    private static string Field(string name, string? value) =>
        value is null ? "" : $"<input type=\"hidden\" name=\"{name}\" value=\"{Html.Encode(value)}\" />";

    private static string Radio(string id, string value, string label, bool isChecked) =>
        $"<div class=\"form-check\"><input class=\"form-check-input\" type=\"radio\" name=\"kind\" id=\"{id}\" value=\"{value}\"{(isChecked ? " checked" : "")} /><label class=\"form-check-label\" for=\"{id}\">{Html.Encode(label)}</label></div>";

    private static string Input(string name, string label, string type, IReadOnlyDictionary<string, string?> typed, string? inputMode, string autocomplete, bool required) =>
        $"<div class=\"mb-3\"><label class=\"form-label\" for=\"{name}\">{Html.Encode(label)}</label><input class=\"form-control\" id=\"{name}\" name=\"{name}\" type=\"{type}\""
        + (inputMode is null ? "" : $" inputmode=\"{inputMode}\"") + $" autocomplete=\"{autocomplete}\"" + (required ? " required" : "")
        + $" value=\"{Html.Encode(typed.GetValueOrDefault(name) ?? "")}\" /></div>";
}
