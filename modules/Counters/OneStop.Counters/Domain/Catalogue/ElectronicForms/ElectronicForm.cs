using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using OneStop.Platform.Localization;

namespace OneStop.Counters.Domain.Catalogue.ElectronicForms;

/// <summary>
/// Biểu mẫu điện tử (tờ khai điện tử) of a procedure version: the JSON Schema in <c>ProcedureVersion.FormSchema</c>, its
/// fields for the page, and the check of a dossier's filled form (<c>Dossier.FormData</c>) by JsonSchema.Net (draft 2020-12).
/// <para>The supported subset, anything else refused with a message naming what is not supported:</para>
/// <list type="bullet">
/// <item>the root is <c>{"type":"object","properties":{…},"required":[…]}</c>, optionally with <c>"$schema"</c> (draft
/// 2020-12 only), <c>"title"</c>, <c>"description"</c> and <c>"additionalProperties"</c> (true or false);</item>
/// <item>1 to <see cref="MaxFields"/> properties, each keyed <c>[a-z][a-zA-Z0-9_]{0,63}</c>, with a <c>"title"</c> (the
/// label, required), an optional <c>"description"</c> and a <c>"type"</c>: <c>string</c> (optional <c>maxLength</c>,
/// <c>minLength</c>, <c>pattern</c>, <c>format</c> date or email, <c>enum</c> of strings), <c>integer</c> or
/// <c>number</c> (optional <c>minimum</c>, <c>maximum</c>) or <c>boolean</c>;</item>
/// <item>no nested objects, arrays, <c>$ref</c>, combinators (allOf, oneOf…) or other keywords; at most
/// <see cref="MaxSchemaLength"/> characters of schema text.</item>
/// </list>
/// How each property maps to a field type: <see cref="ElectronicFormFieldTypes"/>. In the data a JSON null counts as
/// absent; a required boolean (a checkbox) must be ticked, since an unticked box posts nothing.
/// </summary>
internal sealed partial class ElectronicForm
{
    public const int MaxFields = 60;
    public const int MaxSchemaLength = 32_000;
    public const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    private static readonly string[] RootKeywords = ["$schema", "title", "description", "type", "properties", "required", "additionalProperties"];
    private static readonly string[] CommonKeywords = ["title", "description", "type"];
    private static readonly string[] StringKeywords = ["maxLength", "minLength", "pattern", "format", "enum"];
    private static readonly string[] NumberKeywords = ["minimum", "maximum"];
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    internal static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parsed forms by normalised text: a version's schema is read on every intake, and built once.</summary>
    private static readonly ConcurrentDictionary<string, ElectronicForm> Built = new(StringComparer.Ordinal);

    private readonly JsonSchema? _schema;

    private ElectronicForm(string? schemaText, IReadOnlyList<ElectronicFormField> fields, JsonSchema? schema)
    {
        SchemaText = schemaText;
        Fields = fields;
        _schema = schema;
    }

    /// <summary>A version without an e-form.</summary>
    public static readonly ElectronicForm None = new(null, [], null);

    /// <summary>The normalised (indented) schema; null for <see cref="None"/>.</summary>
    public string? SchemaText { get; }

    public IReadOnlyList<ElectronicFormField> Fields { get; }

    public bool IsNone => _schema is null;

    /// <summary>
    /// Reads a schema: null or blank is <see cref="None"/> (true). Text that is not JSON, not a JSON Schema, or outside
    /// the supported subset gives false, with messages in the reader's language naming the line and position or the field key.
    /// </summary>
    public static bool TryParse(string? schemaText, out ElectronicForm form, out IReadOnlyList<string> errors)
    {
        form = None;
        if (string.IsNullOrWhiteSpace(schemaText))
        {
            errors = [];
            return true;
        }

        if (schemaText.Length > MaxSchemaLength)
        {
            errors = [Messages.Text(ElectronicFormMessages.SchemaTooLong, MaxSchemaLength)];
            return false;
        }

        JsonNode? root;
        try
        {
            // A key twice is an error here, not a crash later when the object is read.
            root = JsonNode.Parse(schemaText, documentOptions: new JsonDocumentOptions { MaxDepth = 16, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            errors = [Messages.Text(ElectronicFormMessages.NotJson, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1)];
            return false;
        }

        if (root is not JsonObject rootObject)
        {
            errors = [Messages.Text(ElectronicFormMessages.RootNotObject)];
            return false;
        }

        var normalised = rootObject.ToJsonString(Indented);
        if (Built.TryGetValue(normalised, out var cached))
        {
            form = cached;
            errors = [];
            return true;
        }

        var problems = new List<string>();
        var fields = ReadFields(rootObject, problems);
        if (problems.Count > 0)
        {
            errors = problems;
            return false;
        }

        JsonSchema schema;
        try
        {
            // A registry of its own: the global one would keep every schema ever read.
            schema = JsonSchema.FromText(normalised, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }
        catch (Exception e) when (e is JsonSchemaException or JsonException or ArgumentException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            errors = [Messages.Text(ElectronicFormMessages.NotSchema)];
            return false;
        }

        form = new ElectronicForm(normalised, fields, schema);
        if (Built.Count > 1_000)
        {
            Built.Clear();
        }

        Built[normalised] = form;
        errors = [];
        return true;
    }

    private static List<ElectronicFormField> ReadFields(JsonObject root, List<string> problems)
    {
        foreach (var (keyword, _) in root)
        {
            if (!RootKeywords.Contains(keyword, StringComparer.Ordinal))
            {
                problems.Add(Messages.Text(ElectronicFormMessages.RootKeywordUnsupported, keyword));
            }
        }

        if (StringOf(root["type"]) != "object")
        {
            problems.Add(Messages.Text(ElectronicFormMessages.RootNotObject));
            return [];
        }

        if (root["$schema"] is { } version && StringOf(version) is not Draft202012)
        {
            problems.Add(Messages.Text(ElectronicFormMessages.SchemaVersionUnsupported, StringOf(version) ?? version.ToJsonString()));
        }

        foreach (var keyword in new[] { "title", "description" })
        {
            if (root[keyword] is { } node && StringOf(node) is null)
            {
                problems.Add(Messages.Text(ElectronicFormMessages.RootKeywordInvalid, keyword));
            }
        }

        if (root["additionalProperties"] is { } additional && additional.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add(Messages.Text(ElectronicFormMessages.RootKeywordInvalid, "additionalProperties"));
        }

        if (root["properties"] is not JsonObject properties)
        {
            problems.Add(root["properties"] is null
                ? Messages.Text(ElectronicFormMessages.NoFields)
                : Messages.Text(ElectronicFormMessages.RootKeywordInvalid, "properties"));
            return [];
        }

        if (properties.Count == 0)
        {
            problems.Add(Messages.Text(ElectronicFormMessages.NoFields));
            return [];
        }

        if (properties.Count > MaxFields)
        {
            problems.Add(Messages.Text(ElectronicFormMessages.TooManyFields, MaxFields));
            return [];
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (root["required"] is { } requiredNode)
        {
            if (requiredNode is not JsonArray requiredArray || requiredArray.Any(n => StringOf(n) is null))
            {
                problems.Add(Messages.Text(ElectronicFormMessages.RootKeywordInvalid, "required"));
            }
            else
            {
                foreach (var name in requiredArray.Select(n => StringOf(n)!))
                {
                    if (!properties.ContainsKey(name))
                    {
                        problems.Add(Messages.Text(ElectronicFormMessages.RequiredUnknown, name));
                    }

                    required.Add(name);
                }
            }
        }

        var fields = new List<ElectronicFormField>();
        foreach (var (key, node) in properties)
        {
            if (ReadField(key, node, required.Contains(key), problems) is { } field)
            {
                fields.Add(field);
            }
        }

        return fields;
    }

    private static ElectronicFormField? ReadField(string key, JsonNode? node, bool required, List<string> problems)
    {
        if (!KeyShape().IsMatch(key))
        {
            problems.Add(Messages.Text(ElectronicFormMessages.FieldKeyInvalid, key));
            return null;
        }

        if (node is not JsonObject property)
        {
            problems.Add(Messages.Text(ElectronicFormMessages.FieldNotObject, key));
            return null;
        }

        var before = problems.Count;
        var title = StringOf(property["title"])?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            problems.Add(Messages.Text(ElectronicFormMessages.FieldTitleMissing, key));
        }

        string? description = null;
        if (property["description"] is { } descriptionNode)
        {
            description = StringOf(descriptionNode);
            if (description is null)
            {
                problems.Add(Messages.Text(ElectronicFormMessages.FieldKeywordInvalid, key, "description"));
            }
        }

        var jsonType = property["type"];
        if (jsonType is null)
        {
            problems.Add(Messages.Text(ElectronicFormMessages.FieldTypeMissing, key));
            return null;
        }

        var type = StringOf(jsonType);
        switch (type)
        {
            case "object" or "array":
                problems.Add(Messages.Text(ElectronicFormMessages.FieldNestedUnsupported, key, type));
                return null;
            case "string" or "integer" or "number" or "boolean":
                break;
            default:
                problems.Add(Messages.Text(ElectronicFormMessages.FieldTypeUnsupported, key, type ?? jsonType.ToJsonString()));
                return null;
        }

        var allowed = CommonKeywords.Concat(type switch { "string" => StringKeywords, "integer" or "number" => NumberKeywords, _ => [] }).ToHashSet(StringComparer.Ordinal);
        foreach (var (keyword, _) in property)
        {
            if (!allowed.Contains(keyword))
            {
                problems.Add(Messages.Text(ElectronicFormMessages.FieldKeywordUnsupported, key, keyword));
            }
        }

        int? maxLength = null, minLength = null;
        decimal? minimum = null, maximum = null;
        List<string> options = [];
        var fieldType = type switch { "integer" => ElectronicFormFieldTypes.Integer, "number" => ElectronicFormFieldTypes.Number, "boolean" => ElectronicFormFieldTypes.Boolean, _ => ElectronicFormFieldTypes.Text };
        if (type == "string")
        {
            maxLength = Length(property, "maxLength", key, problems);
            minLength = Length(property, "minLength", key, problems);
            if (maxLength is { } most && minLength is { } least && least > most)
            {
                problems.Add(Messages.Text(ElectronicFormMessages.FieldRangeInvalid, key));
            }

            if (property["pattern"] is { } patternNode && (StringOf(patternNode) is not { } pattern || !IsRegex(pattern)))
            {
                problems.Add(Messages.Text(ElectronicFormMessages.FieldKeywordInvalid, key, "pattern"));
            }

            if (property["format"] is { } formatNode)
            {
                switch (StringOf(formatNode))
                {
                    case "date":
                        fieldType = ElectronicFormFieldTypes.Date;
                        break;
                    case "email":
                        fieldType = ElectronicFormFieldTypes.Email;
                        break;
                    default:
                        problems.Add(Messages.Text(ElectronicFormMessages.FieldFormatUnsupported, key, StringOf(formatNode) ?? formatNode.ToJsonString()));
                        break;
                }
            }

            if (property["enum"] is { } enumNode)
            {
                if (enumNode is JsonArray values && values.Count > 0 && values.All(v => !string.IsNullOrWhiteSpace(StringOf(v))))
                {
                    options = [.. values.Select(v => StringOf(v)!)];
                    if (options.Distinct(StringComparer.Ordinal).Count() != options.Count)
                    {
                        problems.Add(Messages.Text(ElectronicFormMessages.FieldKeywordInvalid, key, "enum"));
                    }

                    fieldType = ElectronicFormFieldTypes.Choice;
                }
                else
                {
                    problems.Add(Messages.Text(ElectronicFormMessages.FieldKeywordInvalid, key, "enum"));
                }
            }

            if (fieldType == ElectronicFormFieldTypes.Text && maxLength > ElectronicFormFieldTypes.LongTextFrom)
            {
                fieldType = ElectronicFormFieldTypes.LongText;
            }
        }
        else if (type is "integer" or "number")
        {
            minimum = Bound(property, "minimum", key, problems);
            maximum = Bound(property, "maximum", key, problems);
            if (minimum > maximum)
            {
                problems.Add(Messages.Text(ElectronicFormMessages.FieldRangeInvalid, key));
            }
        }

        return problems.Count > before
            ? null
            : new ElectronicFormField(key, title!, description, fieldType, required, options, minimum, maximum, maxLength);
    }

    private static int? Length(JsonObject property, string keyword, string key, List<string> problems)
    {
        if (property[keyword] is not { } node)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var length) && length >= 0)
        {
            return length;
        }

        problems.Add(Messages.Text(ElectronicFormMessages.FieldKeywordInvalid, key, keyword));
        return null;
    }

    private static decimal? Bound(JsonObject property, string keyword, string key, List<string> problems)
    {
        if (property[keyword] is not { } node)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.Number && decimal.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var bound))
        {
            return bound;
        }

        problems.Add(Messages.Text(ElectronicFormMessages.FieldKeywordInvalid, key, keyword));
        return null;
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.ECMAScript, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            // ECMAScript mode refuses some .NET constructs JSON Schema allows (\p{L}): try the library's own flavour.
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }

    internal static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]{0,63}$")]
    internal static partial Regex KeyShape();

    /// <summary>
    /// Checks filled data (null = {}): field key → messages in the reader's language naming the field by its title; empty
    /// when valid. A value for no field is reported under its own key when the schema says additionalProperties false.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> Validate(JsonObject? data)
    {
        if (_schema is null)
        {
            return new Dictionary<string, string[]>();
        }

        var present = new JsonObject();
        foreach (var (key, value) in data ?? new JsonObject())
        {
            if (value is not null)
            {
                present[key] = value.DeepClone();
            }
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string key, string message)
        {
            var list = errors.TryGetValue(key, out var existing) ? existing : errors[key] = [];
            if (!list.Contains(message))
            {
                list.Add(message);
            }
        }

        var element = JsonSerializer.SerializeToElement(present);
        var results = _schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var byKey = Fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var result in (results.Details ?? new List<EvaluationResults>()).Append(results).Where(r => !r.IsValid && r.Errors is { Count: > 0 }))
        {
            var location = result.InstanceLocation.ToString();
            if (location.Length == 0)
            {
                // Root: "required" is the only keyword of ours that fails here; name each missing field.
                foreach (var field in Fields.Where(f => f.Required && !present.ContainsKey(f.Key)))
                {
                    Add(field.Key, Messages.Text(ElectronicFormMessages.Required, field.Title));
                }

                continue;
            }

            // One segment: the key, unescaped (RFC 6901).
            var escaped = location.TrimStart('/');
            var key = escaped.Replace("~1", "/", StringComparison.Ordinal);
            key = key.Replace("~0", "~", StringComparison.Ordinal);
            if (!byKey.TryGetValue(key, out var f))
            {
                Add(key, Messages.Text(ElectronicFormMessages.UnknownField, key));
                continue;
            }

            foreach (var keyword in result.Errors!.Keys)
            {
                Add(key, Message(f, keyword));
            }
        }

        // Belt and braces for the two formats, whatever the library's format settings.
        foreach (var field in Fields)
        {
            if (StringOf(present[field.Key]) is not { } text)
            {
                continue;
            }

            if (field.Type == ElectronicFormFieldTypes.Date && !IsIsoDate(text))
            {
                Add(field.Key, Messages.Text(ElectronicFormMessages.DateInvalid, field.Title));
            }
            else if (field.Type == ElectronicFormFieldTypes.Email && !IsEmail(text))
            {
                Add(field.Key, Messages.Text(ElectronicFormMessages.EmailInvalid, field.Title));
            }
        }

        return Fields.Select(f => f.Key).Concat(errors.Keys.Except(Fields.Select(f => f.Key)))
            .Where(errors.ContainsKey)
            .ToDictionary(k => k, k => errors[k].ToArray(), StringComparer.Ordinal);
    }

    private string Message(ElectronicFormField field, string keyword) => keyword switch
    {
        "required" => Messages.Text(ElectronicFormMessages.Required, field.Title),
        "type" => Messages.Text(field.Type switch
        {
            ElectronicFormFieldTypes.Integer => ElectronicFormMessages.NotInteger,
            ElectronicFormFieldTypes.Number => ElectronicFormMessages.NotNumber,
            ElectronicFormFieldTypes.Boolean => ElectronicFormMessages.NotBoolean,
            _ => ElectronicFormMessages.NotText,
        }, field.Title),
        "minimum" => Messages.Text(ElectronicFormMessages.BelowMinimum, field.Title, field.Minimum),
        "maximum" => Messages.Text(ElectronicFormMessages.AboveMaximum, field.Title, field.Maximum),
        "minLength" => Messages.Text(ElectronicFormMessages.TooShort, field.Title, MinLengthOf(field)),
        "maxLength" => Messages.Text(ElectronicFormMessages.TooLong, field.Title, field.MaxLength),
        "pattern" => Messages.Text(ElectronicFormMessages.PatternMismatch, field.Title),
        "enum" => Messages.Text(ElectronicFormMessages.NotAnOption, field.Title, string.Join(", ", field.Options)),
        "format" => Messages.Text(field.Type == ElectronicFormFieldTypes.Email ? ElectronicFormMessages.EmailInvalid : ElectronicFormMessages.DateInvalid, field.Title),
        _ => Messages.Text(ElectronicFormMessages.Invalid, field.Title),
    };

    private object? MinLengthOf(ElectronicFormField field) =>
        JsonNode.Parse(SchemaText!)?["properties"]?[field.Key]?["minLength"]?.ToJsonString();

    private static bool IsIsoDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsEmail(string text) => EmailShape().IsMatch(text);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();

    /// <summary>
    /// From page inputs (strings as posted) to typed JSON: numbers in invariant culture (what a number input posts) or
    /// Vietnamese ("1.000,5"), booleans "true"/"on" (or "false"/"off"), dates yyyy-MM-dd or dd/MM/yyyy, blanks omitted.
    /// A value that cannot be converted is reported in <paramref name="errors"/> (key → messages) and omitted; inputs
    /// for no field are ignored.
    /// </summary>
    public JsonObject FromInputs(IReadOnlyDictionary<string, string?> inputs, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var data = new JsonObject();
        foreach (var field in Fields)
        {
            if (!inputs.TryGetValue(field.Key, out var raw) || string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var text = raw.Trim();
            switch (field.Type)
            {
                case ElectronicFormFieldTypes.Integer:
                    if (ParseNumber(text, integer: true) is { } whole && whole == decimal.Truncate(whole) && whole is >= long.MinValue and <= long.MaxValue)
                    {
                        data[field.Key] = (long)whole;
                    }
                    else
                    {
                        errors[field.Key] = [Messages.Text(ElectronicFormMessages.NotInteger, field.Title)];
                    }

                    break;
                case ElectronicFormFieldTypes.Number:
                    if (ParseNumber(text, integer: false) is { } number)
                    {
                        data[field.Key] = number / 1.0000000000000000000000000000m; // drop trailing zeros
                    }
                    else
                    {
                        errors[field.Key] = [Messages.Text(ElectronicFormMessages.NotNumber, field.Title)];
                    }

                    break;
                case ElectronicFormFieldTypes.Boolean:
                    if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("on", StringComparison.OrdinalIgnoreCase))
                    {
                        data[field.Key] = true;
                    }
                    else if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("off", StringComparison.OrdinalIgnoreCase))
                    {
                        data[field.Key] = false;
                    }
                    else
                    {
                        errors[field.Key] = [Messages.Text(ElectronicFormMessages.NotBoolean, field.Title)];
                    }

                    break;
                case ElectronicFormFieldTypes.Date:
                    if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        data[field.Key] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        errors[field.Key] = [Messages.Text(ElectronicFormMessages.DateInvalid, field.Title)];
                    }

                    break;
                default:
                    data[field.Key] = field.Type == ElectronicFormFieldTypes.LongText ? raw.Trim().ReplaceLineEndings("\n") : text;
                    break;
            }
        }

        return data;
    }

    /// <summary>
    /// A number as a person types it: plain invariant digits with an optional '.' decimal point first (what a number
    /// input posts); otherwise Vietnamese ("1.000,5", "1,5"), then invariant with thousands ("1,000.5"). For an integer
    /// field, "1.000" and "12.345.678" are Vietnamese thousands.
    /// </summary>
    private static decimal? ParseNumber(string text, bool integer)
    {
        var s = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        const NumberStyles plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (PlainNumber().IsMatch(s) && !(integer && ViThousands().IsMatch(s)))
        {
            return decimal.TryParse(s, plain, CultureInfo.InvariantCulture, out var invariant) ? invariant : null;
        }

        if (ViNumber().IsMatch(s) && decimal.TryParse(s, plain | NumberStyles.AllowThousands, Vietnamese, out var vi))
        {
            return vi;
        }

        if (InvariantThousands().IsMatch(s) && decimal.TryParse(s, plain | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var grouped))
        {
            return grouped;
        }

        return null;
    }

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$")]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^[+-]?\d{1,3}(\.\d{3})+$")]
    private static partial Regex ViThousands();

    [GeneratedRegex(@"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")]
    private static partial Regex ViNumber();

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex InvariantThousands();

    /// <summary>
    /// Typed JSON back to the strings the page shows (for re-rendering after a failed post and on the dossier page): text
    /// as is, numbers in invariant culture (what a number input takes), booleans "true"/"false", absent fields null.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ToInputs(JsonObject? data)
    {
        var inputs = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            var node = data?[field.Key];
            inputs[field.Key] = node?.GetValueKind() switch
            {
                null or JsonValueKind.Null => null,
                JsonValueKind.String => node.GetValue<string>(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => node.ToJsonString(),
            };
        }

        return inputs;
    }
}
