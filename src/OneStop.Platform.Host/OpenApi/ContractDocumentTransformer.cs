using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OneStop.Platform.Modules;

namespace OneStop.Platform.Host.OpenApi;

/// <summary>
/// The document-wide parts of the contract: bilingual info, the OAuth2 client-credentials scheme with every scope, one
/// tag per module, the ProblemDetails schema, the webhooks (OpenAPI 3.1) with their signature, and examples.
/// </summary>
internal sealed class ContractDocumentTransformer(ModuleRegistry registry) : IOpenApiDocumentTransformer
{
    public const string Version = "1.0.0";

    public static OpenApiTag TagOf(ModuleRegistry registry, string segment)
    {
        var module = registry.Modules.FirstOrDefault(m => m.ApiSegment == segment);
        return module is null
            ? new OpenApiTag { Name = "Nền tảng", Description = "Nền tảng chung: đơn vị hành chính, cơ quan, người dùng, vai trò, nhật ký, tài khoản — Platform: administrative units, agencies, people, roles, audit, account" }
            : new OpenApiTag { Name = module.DisplayNameVi, Description = $"{module.DisplayNameVi} — {module.DisplayNameEn}" };
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "OneStop.Platform API";
        document.Info.Version = Version;
        document.Info.Description = InfoDescription;
        document.Info.Contact = new OpenApiContact
        {
            Name = "Trung tâm Phục vụ hành chính công tỉnh — Provincial public administration service centre",
            Email = "api@onestop.local",
            Url = new Uri("https://onestop.local/api"),
        };

        // "http://host/" is this request's address; without the slash a client appends "/api/v1/…" cleanly.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Tags = new HashSet<OpenApiTag>(
            new[] { "platform" }.Concat(registry.Modules.Select(m => m.ApiSegment)).Select(s => TagOf(registry, s))
                .Where(t => document.Paths.Values.SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? []).Any(o => o.Tags?.Any(r => r.Name == t.Name) == true)));

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiContract.SecurityScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "OAuth 2.0 client credentials: POST /connect/token (grant_type=client_credentials, client_id, client_secret, scope tùy chọn — optional). "
                + "Mỗi phạm vi (scope) là tên một quyền; ứng dụng chỉ nhận các quyền được cấp và chỉ thấy dữ liệu của đơn vị mình và cấp dưới. "
                + "Each scope is a permission name; a client gets only the scopes granted to it and sees only its unit and the units below.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri(ApiContract.TokenUrl, UriKind.Relative),
                    Scopes = registry.AllPermissions.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => $"{g.First().DisplayNameVi} — {g.First().DisplayNameEn}"),
                },
            },
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ApiContract.ProblemSchema] = ProblemSchema();
        WebhookDescriptions.AddTo(document);
        Examples.AddTo(document);
        return Task.CompletedTask;
    }

    private static OpenApiSchema ProblemSchema()
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Lỗi theo RFC 9457 với mã ổn định `code`; `title` bằng ngôn ngữ của Accept-Language (vi mặc định, en). "
                + "An RFC 9457 problem with a stable `code`; `title` in the Accept-Language language (vi by default, en).",
            Required = new HashSet<string> { "status", "title", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("URI của loại lỗi — problem type URI"),
                ["title"] = Text("Thông báo cho người đọc — message for the reader"),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["code"] = Text("Mã lỗi ổn định, dùng để xử lý theo chương trình — stable error code for programs"),
                ["traceId"] = Text("Mã truy vết để báo lỗi — trace id to quote when reporting"),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Lỗi theo từng trường — errors per field",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
    }

    private const string InfoDescription = """
        API của hệ thống một cửa điện tử cho hệ thống bên thứ ba (Cổng Dịch vụ công, kiosk, phần mềm chuyên ngành).
        The one-stop system's API for third-party systems (public service portal, kiosks, sector software).

        - Xác thực — authentication: OAuth 2.0 client credentials at `/connect/token`; every scope is a permission name.
        - Phạm vi dữ liệu — data scope: a client acts for one administrative unit and sees it and the units below it.
        - Phân trang — pagination: keyset; pass `nextCursor` back as `cursor` until it is null; a tampered cursor is `Platform.InvalidCursor`.
        - Chống tạo trùng — idempotency: create operations accept an `Idempotency-Key` header (same key and body → same response, header `Idempotent-Replayed: true`).
        - Lỗi — errors: RFC 9457 ProblemDetails (`application/problem+json`) with a stable `code`, texts by `Accept-Language` (vi, en).
        - Giới hạn — rate limit: per client and minute; headers `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Policy`; past it 429 with `Retry-After`.
        - Sự kiện — webhooks: signed with HMAC-SHA256 (see `webhooks`).
        - Phiên bản — versioning: `/api/v1` changes only compatibly; breaking changes go to `/api/v2`, and v1 stays at least 12 months beside it (etc/docs/api-versioning.md, etc/docs/api-changelog.md).
        - Môi trường thử — sandbox and conformance kit: etc/docs/api-sandbox.md, etc/conformance.
        """;
}
