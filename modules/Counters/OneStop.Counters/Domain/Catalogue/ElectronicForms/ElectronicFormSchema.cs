using System.Text.Json.Nodes;
using OneStop.Platform.Localization;

namespace OneStop.Counters.Domain.Catalogue.ElectronicForms;

/// <summary>The procedure editor's helpers on an e-form's schema text (biểu mẫu điện tử), so nobody has to type JSON.</summary>
internal static class ElectronicFormSchema
{
    /// <summary>
    /// "Add a field": the schema text with one more property (a new object schema, draft 2020-12, when
    /// <paramref name="schemaText"/> is blank), listed in "required" when <paramref name="required"/>. Refuses (false and
    /// messages in the reader's language) a key that is not <c>[a-z][a-zA-Z0-9_]{0,63}</c>, a key already there, an empty
    /// title, a type not in <see cref="ElectronicFormFieldTypes.All"/>, a "choice" without options, a form already at
    /// <see cref="ElectronicForm.MaxFields"/> fields, and a schema text that does not parse. Text fields get maxLength
    /// 500, long texts 4000, emails 254 (see <see cref="ElectronicFormFieldTypes"/>).
    /// </summary>
    public static bool TryAddField(string? schemaText, string key, string title, string type, bool required, IReadOnlyList<string>? options,
        out string newSchemaText, out IReadOnlyList<string> errors)
    {
        newSchemaText = schemaText ?? "";
        if (!ElectronicForm.TryParse(schemaText, out var form, out var parseErrors))
        {
            errors = parseErrors;
            return false;
        }

        var problems = new List<string>();
        key = (key ?? "").Trim();
        title = (title ?? "").Trim();
        type = (type ?? "").Trim();
        if (!ElectronicForm.KeyShape().IsMatch(key))
        {
            problems.Add(Messages.Text(ElectronicFormMessages.FieldKeyInvalid, key));
        }
        else if (form.Fields.Any(f => f.Key == key))
        {
            problems.Add(Messages.Text(ElectronicFormMessages.FieldKeyDuplicate, key));
        }

        if (title.Length == 0)
        {
            problems.Add(Messages.Text(ElectronicFormMessages.FieldTitleRequired));
        }

        var choices = (options ?? []).Select(o => o?.Trim() ?? "").Where(o => o.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (!ElectronicFormFieldTypes.All.Contains(type, StringComparer.Ordinal))
        {
            problems.Add(Messages.Text(ElectronicFormMessages.FieldTypeUnknown, type, string.Join(", ", ElectronicFormFieldTypes.All)));
        }
        else if (type == ElectronicFormFieldTypes.Choice && choices.Count == 0)
        {
            problems.Add(Messages.Text(ElectronicFormMessages.FieldOptionsRequired));
        }

        if (form.Fields.Count >= ElectronicForm.MaxFields)
        {
            problems.Add(Messages.Text(ElectronicFormMessages.TooManyFields, ElectronicForm.MaxFields));
        }

        if (problems.Count > 0)
        {
            errors = problems;
            return false;
        }

        var root = form.IsNone
            ? new JsonObject { ["$schema"] = ElectronicForm.Draft202012, ["type"] = "object", ["properties"] = new JsonObject(), ["required"] = new JsonArray() }
            : JsonNode.Parse(form.SchemaText!)!.AsObject();
        var properties = root["properties"]!.AsObject();
        properties[key] = Property(title, type, choices);
        if (required)
        {
            if (root["required"] is not JsonArray list)
            {
                root["required"] = list = [];
            }

            list.Add(key);
        }

        var text = root.ToJsonString(ElectronicForm.Indented);
        if (!ElectronicForm.TryParse(text, out _, out var finalErrors))
        {
            errors = finalErrors;
            return false;
        }

        newSchemaText = text;
        errors = [];
        return true;
    }

    private static JsonObject Property(string title, string type, List<string> choices)
    {
        var property = new JsonObject { ["title"] = title };
        switch (type)
        {
            case ElectronicFormFieldTypes.Text:
                property["type"] = "string";
                property["maxLength"] = ElectronicFormFieldTypes.TextMaxLength;
                break;
            case ElectronicFormFieldTypes.LongText:
                property["type"] = "string";
                property["maxLength"] = ElectronicFormFieldTypes.LongTextMaxLength;
                break;
            case ElectronicFormFieldTypes.Date:
                property["type"] = "string";
                property["format"] = "date";
                break;
            case ElectronicFormFieldTypes.Email:
                property["type"] = "string";
                property["format"] = "email";
                property["maxLength"] = ElectronicFormFieldTypes.EmailMaxLength;
                break;
            case ElectronicFormFieldTypes.Choice:
                property["type"] = "string";
                property["enum"] = new JsonArray([.. choices.Select(c => (JsonNode)c)]);
                break;
            default: // integer, number, boolean: the JSON Schema type of the same name
                property["type"] = type;
                break;
        }

        return property;
    }
}
