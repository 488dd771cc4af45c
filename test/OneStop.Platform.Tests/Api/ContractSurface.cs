using System.Text.Json.Nodes;

namespace OneStop.Platform.Tests.Api;

/// <summary>
/// What a partner's code can depend on, one line each: every operation, its parameters, every field of its request and
/// success bodies with its type, and every field of the webhooks' payloads. A line that disappears from one document
/// to the next is a breaking change (etc/docs/api-versioning.md); it must be named in etc/docs/api-changelog.md.
/// </summary>
public static class ContractSurface
{
    private const int MaxDepth = 8;

    public static SortedSet<string> Of(JsonNode document)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
        {
            foreach (var (method, op) in item!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                lines.Add(name);
                foreach (var parameter in op?["parameters"]?.AsArray() ?? [])
                {
                    lines.Add($"{name} {parameter!["in"]}:{parameter["name"]}{(parameter["required"]?.GetValue<bool>() == true ? " (required)" : "")}");
                }

                foreach (var (mediaType, media) in op?["requestBody"]?["content"]?.AsObject() ?? [])
                {
                    Fields(document, media?["schema"], $"{name} body({mediaType})", lines, 0, []);
                }

                foreach (var (status, response) in op?["responses"]?.AsObject() ?? [])
                {
                    if (!status.StartsWith('2'))
                    {
                        continue;
                    }

                    lines.Add($"{name} {status}");
                    foreach (var (mediaType, media) in response?["content"]?.AsObject() ?? [])
                    {
                        Fields(document, media?["schema"], $"{name} {status}({mediaType})", lines, 0, []);
                    }
                }
            }
        }

        foreach (var (eventName, item) in document["webhooks"]?.AsObject() ?? [])
        {
            lines.Add($"WEBHOOK {eventName}");
            foreach (var (_, media) in item?["post"]?["requestBody"]?["content"]?.AsObject() ?? [])
            {
                Fields(document, media?["schema"], $"WEBHOOK {eventName} body", lines, 0, []);
            }
        }

        return lines;
    }

    private static void Fields(JsonNode document, JsonNode? schema, string prefix, SortedSet<string> lines, int depth, HashSet<string> seen)
    {
        if (schema is null || depth > MaxDepth)
        {
            return;
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            if (!seen.Add(reference))
            {
                return; // a recursive type: its fields are listed once, at the outer level
            }

            Fields(document, Resolve(document, reference), prefix, lines, depth, seen);
            seen.Remove(reference);
            return;
        }

        lines.Add($"{prefix}: {TypeOf(document, schema)}");
        foreach (var choice in (schema["anyOf"] ?? schema["oneOf"] ?? schema["allOf"])?.AsArray() ?? [])
        {
            Fields(document, choice, prefix, lines, depth + 1, seen);
        }

        if (schema["items"] is { } items)
        {
            Fields(document, items, prefix + "[]", lines, depth + 1, seen);
        }

        foreach (var (property, child) in schema["properties"]?.AsObject() ?? [])
        {
            Fields(document, child, $"{prefix}.{property}", lines, depth + 1, seen);
        }
    }

    private static JsonNode? Resolve(JsonNode document, string reference) =>
        reference.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            ? document["components"]?["schemas"]?[reference["#/components/schemas/".Length..]]
            : null;

    private static string TypeOf(JsonNode document, JsonNode schema)
    {
        var type = schema["type"] switch
        {
            JsonArray many => string.Join("|", many.Select(t => t!.GetValue<string>()).Where(t => t != "null")),
            JsonValue one => one.GetValue<string>(),
            _ => schema["$ref"] is not null || schema["properties"] is not null ? "object" : "any",
        };
        return schema["format"]?.GetValue<string>() is { } format ? $"{type}({format})" : type;
    }
}
