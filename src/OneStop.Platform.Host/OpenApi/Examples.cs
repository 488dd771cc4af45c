using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace OneStop.Platform.Host.OpenApi;

/// <summary>
/// A request and a response example for every JSON body, built from its schema (the first value of an enum, a date of
/// the right format, one item per list), so each operation shows a payload that validates against its own schema.
/// </summary>
internal static class Examples
{
    private const int MaxDepth = 6;

    public static void AddTo(OpenApiDocument document)
    {
        foreach (var operation in document.Paths.Values.SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? []))
        {
            if (operation.RequestBody?.Content is { } request)
            {
                Fill(document, request);
            }

            foreach (var response in (operation.Responses ?? []).Where(r => r.Key.StartsWith('2')).Select(r => r.Value))
            {
                if (response.Content is { } content)
                {
                    Fill(document, content);
                }
            }
        }
    }

    private static void Fill(OpenApiDocument document, IDictionary<string, OpenApiMediaType> content)
    {
        foreach (var (mediaType, media) in content)
        {
            if (media.Example is null && media.Schema is not null && mediaType.Contains("json", StringComparison.Ordinal)
                && Sample(document, media.Schema, 0) is { } example)
            {
                media.Example = example;
            }
        }
    }

    /// <summary>A value valid against <paramref name="schema"/>, or null when none can be made safely (then no example).</summary>
    private static JsonNode? Sample(OpenApiDocument document, IOpenApiSchema schema, int depth)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            var id = reference.Reference?.Id;
            if (id is null || document.Components?.Schemas is null || !document.Components.Schemas.TryGetValue(id, out var target) || target is OpenApiSchemaReference)
            {
                return null;
            }

            schema = target;
        }

        if (depth > MaxDepth || schema.Pattern is not null || schema.Const is not null)
        {
            return null;
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        }

        foreach (var choice in (IEnumerable<IOpenApiSchema>?)schema.OneOf ?? schema.AnyOf ?? [])
        {
            if (choice.Type != JsonSchemaType.Null && Sample(document, choice, depth + 1) is { } chosen)
            {
                return chosen;
            }
        }

        if (schema.AllOf is { Count: > 0 })
        {
            return null;
        }

        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (type == 0 && schema.Properties is { Count: > 0 })
        {
            type = JsonSchemaType.Object;
        }

        switch (type)
        {
            case JsonSchemaType.String:
                var text = schema.Format switch
                {
                    "date-time" => "2026-01-15T01:00:00Z",
                    "date" => "2026-01-15",
                    "time" => "08:00:00",
                    "uuid" => "0198a2f4-1c3e-7b5a-9d2e-4f6a8b0c1d2e",
                    "uri" => "https://example.gov.vn/",
                    "email" => "canbo@example.gov.vn",
                    "binary" or "byte" => null,
                    null or "" => "string",
                    _ => null,
                };
                if (text is null || schema.MinLength > text.Length || schema.MaxLength < text.Length)
                {
                    return null;
                }

                return JsonValue.Create(text);
            case JsonSchemaType.Integer:
                return JsonValue.Create((long)Math.Max(1m, schema.Minimum is { } min && decimal.TryParse(min, System.Globalization.CultureInfo.InvariantCulture, out var m) ? Math.Ceiling(m) : 1m));
            case JsonSchemaType.Number:
                return schema.Minimum is null && schema.Maximum is null ? JsonValue.Create(1.5) : null;
            case JsonSchemaType.Boolean:
                return JsonValue.Create(true);
            case JsonSchemaType.Array:
                if (schema.Items is null || Sample(document, schema.Items, depth + 1) is not { } item)
                {
                    return schema.MinItems is null or 0 ? new JsonArray() : null;
                }

                return new JsonArray(item);
            case JsonSchemaType.Object:
                var result = new JsonObject();
                foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                {
                    var value = Sample(document, property, depth + 1);
                    if (value is null)
                    {
                        if (schema.Required?.Contains(name) == true && !Nullable(document, property))
                        {
                            return null;
                        }

                        if (Nullable(document, property))
                        {
                            result[name] = null;
                        }

                        continue;
                    }

                    result[name] = value;
                }

                return result;
            default:
                return null;
        }
    }

    private static bool Nullable(OpenApiDocument document, IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference && ((schema.Type ?? 0) & JsonSchemaType.Null) != 0
        || schema.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true || schema.AnyOf?.Any(s => s.Type == JsonSchemaType.Null) == true;
}
