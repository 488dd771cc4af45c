// TEMPORARY STUB — replaced by the e-form helper's engine at merge.
using System.Text.Json.Nodes;

namespace OneStop.Counters.Domain.Catalogue.ElectronicForms;

internal sealed record ElectronicFormField(string Key, string Title, string? Description, string Type, bool Required,
    IReadOnlyList<string> Options, decimal? Minimum, decimal? Maximum, int? MaxLength);

internal sealed class ElectronicForm
{
    public static readonly ElectronicForm None = new();
    public string? SchemaText { get; private init; }
    public IReadOnlyList<ElectronicFormField> Fields { get; private init; } = [];
    public bool IsNone => SchemaText is null;

    public static bool TryParse(string? schemaText, out ElectronicForm form, out IReadOnlyList<string> errors)
    {
        form = string.IsNullOrWhiteSpace(schemaText) ? None : new ElectronicForm { SchemaText = schemaText };
        errors = [];
        return true;
    }

    public IReadOnlyDictionary<string, string[]> Validate(JsonObject? data) => new Dictionary<string, string[]>();

    public JsonObject FromInputs(IReadOnlyDictionary<string, string?> inputs, out Dictionary<string, string[]> errors)
    {
        errors = [];
        return [];
    }

    public IReadOnlyDictionary<string, string?> ToInputs(JsonObject? data) => new Dictionary<string, string?>();
}

internal static class ElectronicFormSchema
{
    public static bool TryAddField(string? schemaText, string key, string title, string type, bool required, IReadOnlyList<string>? options,
        out string newSchemaText, out IReadOnlyList<string> errors)
    {
        newSchemaText = schemaText ?? "";
        errors = [];
        return true;
    }
}

internal static class ElectronicFormFieldTypes
{
    public const string Text = "text", LongText = "longtext", Date = "date", Email = "email", Integer = "integer", Number = "number", Boolean = "boolean", Choice = "choice";
    public static readonly string[] All = [Text, LongText, Date, Email, Integer, Number, Boolean, Choice];
}

internal sealed record ElectronicFormFieldsModel(ElectronicForm Form, IReadOnlyDictionary<string, string?> Values, string NamePrefix, IReadOnlyDictionary<string, string[]>? Errors);
