using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OneStop.Platform.Host.OpenApi;

/// <summary>
/// The API as a product (ADR 0038): the OpenAPI document of <c>/api/v1</c> is completed by convention here — operation
/// ids, Vietnamese and English texts, one tag per module, the OAuth2 client-credentials scheme with each operation's
/// scope, ProblemDetails errors with their codes, examples and the webhooks — so endpoint files stay as they are.
/// </summary>
internal static class ApiContract
{
    public const string SecurityScheme = "oauth2";
    public const string TokenUrl = "/connect/token";
    public const string ProblemSchema = "ProblemDetails";
    public const string ProblemMediaType = "application/problem+json";
    public const string MissingTextExtension = "x-onestop-missing-text";

    /// <summary>The path segment after <c>/api/v1/</c> names the module; the kernel's own and <c>/me</c> are the platform's.</summary>
    public static string SegmentOf(string? relativePath)
    {
        var segments = (relativePath ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 2 ? segments[2].ToLowerInvariant() : "platform";
    }

    public static OpenApiOptions AddApiContract(this OpenApiOptions options)
    {
        options.AddSchemaTransformer((schema, _, _) =>
        {
            // Numbers are written as JSON numbers; that the server also reads "12" is leniency, not contract: a
            // generated client gets an int, not a number-or-string.
            if (schema.Type is { } type && (type & JsonSchemaType.String) != 0 && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0)
            {
                schema.Type = type & ~JsonSchemaType.String;
                schema.Pattern = null;
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer<ContractOperationTransformer>();
        options.AddDocumentTransformer<ContractDocumentTransformer>();
        return options;
    }
}
