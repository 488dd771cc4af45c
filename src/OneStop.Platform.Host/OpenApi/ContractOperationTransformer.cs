using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OneStop.Platform.Localization;
using OneStop.Platform.Modules;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Platform.Host.OpenApi;

/// <summary>
/// Completes each operation by convention: its id from the route, its texts from the owning assembly's
/// <c>OpenApi/operations.json</c>, its module's tag, the OAuth2 scope from its <c>RequirePermission</c>, an
/// <c>Idempotency-Key</c> header where the endpoint honours one, and every error it can answer as ProblemDetails with codes.
/// </summary>
internal sealed class ContractOperationTransformer(OperationTexts texts, ModuleRegistry registry) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var id = OperationIds.For(description.HttpMethod ?? "GET", description.RelativePath ?? "");
        operation.OperationId = id;

        var segment = ApiContract.SegmentOf(description.RelativePath);
        operation.Tags = new HashSet<OpenApiTagReference> { new(ContractDocumentTransformer.TagOf(registry, segment).Name!, context.Document) };

        var scopes = metadata.OfType<IAuthorizeData>().Select(a => a.Policy)
            .Where(p => p is not null && p.StartsWith(PermissionPolicies.Prefix, StringComparison.Ordinal))
            .Select(p => p![PermissionPolicies.Prefix.Length..]).Distinct().ToList();
        var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
        var idempotent = metadata.OfType<IdempotencyMetadata>().Any();

        var text = texts.Find(id);
        if (text is null)
        {
            // Shown as the summary until someone writes it; ApiContractTests fails on it and names the file.
            var owner = metadata.OfType<MethodInfo>().FirstOrDefault()?.DeclaringType?.Assembly.GetName().Name ?? "?";
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[ApiContract.MissingTextExtension] = new JsonNodeExtension(JsonValue.Create(owner + "/OpenApi/operations.json"));
            var fallback = operation.Summary ?? id;
            text = new OperationText(fallback, fallback);
        }

        operation.Summary = $"{text.Vi} — {text.En}";
        operation.Description = DescriptionOf(text, scopes, anonymous, idempotent);

        if (anonymous)
        {
            operation.Security = [];
        }
        else
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiContract.SecurityScheme, context.Document)] = scopes },
            ];
        }

        if (idempotent)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyEndpointExtensions.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Khóa chống tạo trùng (tối đa 128 ký tự): gửi lại cùng khóa và cùng nội dung nhận lại phản hồi đầu tiên. "
                    + "Idempotency key (up to 128 characters): the same key and body get the first response again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 128 },
            });
        }

        operation.Responses ??= new OpenApiResponses();
        var hasInput = operation.Parameters is { Count: > 0 } || operation.RequestBody is not null;
        var hasCursor = operation.Parameters?.Any(p => p.Name == "cursor") == true;
        if (hasInput)
        {
            AddProblem(operation, context.Document, 400, hasCursor ? [PlatformErrorCodes.ValidationFailed, PlatformErrorCodes.InvalidCursor] : [PlatformErrorCodes.ValidationFailed]);
        }

        if (!anonymous)
        {
            AddProblem(operation, context.Document, 401, [PlatformErrorCodes.Unauthenticated]);
            AddProblem(operation, context.Document, 403, [PlatformErrorCodes.Forbidden, PlatformErrorCodes.OutOfScope]);
            AddProblem(operation, context.Document, 429, [ApiRateLimiting.RateLimited]);
        }

        if (description.ParameterDescriptions.Any(p => p.Source.Id == "Path"))
        {
            AddProblem(operation, context.Document, 404, [PlatformErrorCodes.NotFound]);
        }

        if (idempotent)
        {
            AddProblem(operation, context.Document, 409, [PlatformErrorCodes.IdempotencyInProgress, PlatformErrorCodes.Conflict]);
            AddProblem(operation, context.Document, 422, [PlatformErrorCodes.IdempotencyKeyReused, PlatformErrorCodes.ValidationFailed]);
        }

        // Errors the endpoint itself declares (Results<…, Conflict, …>) are ProblemDetails too.
        foreach (var (status, _) in operation.Responses.ToList())
        {
            if (int.TryParse(status, out var code) && code >= 400)
            {
                AddProblem(operation, context.Document, code, CodesFor(code));
            }
        }

        return Task.CompletedTask;
    }

    private static string DescriptionOf(OperationText text, List<string> scopes, bool anonymous, bool idempotent)
    {
        var lines = new List<string> { text.Vi, "", text.En, "" };
        lines.Add(anonymous
            ? "Không cần xác thực. — No authentication."
            : scopes.Count == 0
                ? "Cần mã truy cập (OAuth2 client credentials), không cần quyền riêng. — Needs an access token, no particular scope."
                : $"Quyền (scope) cần có — required scope: `{string.Join("`, `", scopes)}`.");
        if (idempotent)
        {
            lines.Add("");
            lines.Add("Nhận tiêu đề `Idempotency-Key`. — Honours the `Idempotency-Key` header.");
        }

        return string.Join('\n', lines);
    }

    private static string[] CodesFor(int status) => status switch
    {
        400 => [PlatformErrorCodes.ValidationFailed],
        401 => [PlatformErrorCodes.Unauthenticated],
        403 => [PlatformErrorCodes.Forbidden],
        404 => [PlatformErrorCodes.NotFound],
        409 => [PlatformErrorCodes.Conflict],
        413 => [PlatformErrorCodes.PayloadTooLarge],
        415 => [PlatformErrorCodes.UnsupportedMediaType],
        422 => [PlatformErrorCodes.ValidationFailed],
        429 => [ApiRateLimiting.RateLimited],
        _ => [PlatformErrorCodes.Unexpected],
    };

    private static readonly Dictionary<int, (string Vi, string En)> StatusTexts = new()
    {
        [400] = ("Dữ liệu gửi lên không hợp lệ; không có gì được ghi", "Invalid input; nothing was applied"),
        [401] = ("Thiếu hoặc sai mã truy cập", "Missing or invalid access token"),
        [403] = ("Không có quyền (scope) hoặc ngoài phạm vi đơn vị", "Scope not granted or outside the client's unit"),
        [404] = ("Không tìm thấy trong phạm vi đơn vị", "Not found within the client's unit"),
        [409] = ("Xung đột với trạng thái hiện tại", "Conflicts with the current state"),
        [413] = ("Nội dung quá lớn", "Payload too large"),
        [415] = ("Loại nội dung không được hỗ trợ", "Unsupported media type"),
        [422] = ("Không xử lý được yêu cầu", "Unprocessable request"),
        [429] = ("Vượt giới hạn số yêu cầu; xem tiêu đề Retry-After", "Rate limit exceeded; see the Retry-After header"),
        [503] = ("Hệ thống liên quan tạm thời không phản hồi", "A system this call depends on is unavailable"),
    };

    private static void AddProblem(OpenApiOperation operation, OpenApiDocument? document, int status, IReadOnlyList<string> codes)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var listed = operation.Responses!.TryGetValue(key, out var existing) && existing is OpenApiResponse { Content: not null } r
            && r.Content.TryGetValue(ApiContract.ProblemMediaType, out var media) && media.Extensions?.TryGetValue("x-codes", out _) == true
            ? ((JsonArray)((JsonNodeExtension)media.Extensions!["x-codes"]).Node).Select(n => n!.GetValue<string>()).ToList()
            : [];
        var all = listed.Concat(codes).Distinct().ToList();
        var (vi, en) = StatusTexts.GetValueOrDefault(status, ("Lỗi", "Error"));
        var vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi");
        operation.Responses[key] = new OpenApiResponse
        {
            Description = $"{vi} — {en}. ProblemDetails (RFC 9457), `code`: {string.Join(", ", all.Select(c => $"`{c}`"))}.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ApiContract.ProblemMediaType] = new()
                {
                    Schema = new OpenApiSchemaReference(ApiContract.ProblemSchema, document),
                    Example = new JsonObject
                    {
                        ["type"] = $"https://onestop.local/errors/{all[0]}",
                        ["title"] = Messages.Text(vietnamese, all[0], 600),
                        ["status"] = status,
                        ["code"] = all[0],
                        ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                    },
                    Extensions = new Dictionary<string, IOpenApiExtension> { ["x-codes"] = new JsonNodeExtension(new JsonArray(all.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray())) },
                },
            },
        };
    }
}
