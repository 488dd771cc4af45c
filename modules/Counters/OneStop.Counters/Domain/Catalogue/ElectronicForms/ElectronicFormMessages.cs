namespace OneStop.Counters.Domain.Catalogue.ElectronicForms;

/// <summary>
/// Message codes of the e-form engine (biểu mẫu điện tử, ADR 0020); texts in Localization/messages.*.json, arguments
/// listed where a text takes some.
/// </summary>
internal static class ElectronicFormMessages
{
    // The schema (what the procedure editor types or builds)
    /// <summary>{0}: line; {1}: position in the line (both from 1).</summary>
    public const string NotJson = "Counters.EForm.NotJson";
    /// <summary>{0}: the longest schema text allowed.</summary>
    public const string SchemaTooLong = "Counters.EForm.SchemaTooLong";
    public const string RootNotObject = "Counters.EForm.RootNotObject";
    /// <summary>{0}: the "$schema" given.</summary>
    public const string SchemaVersionUnsupported = "Counters.EForm.SchemaVersionUnsupported";
    /// <summary>{0}: the keyword.</summary>
    public const string RootKeywordUnsupported = "Counters.EForm.RootKeywordUnsupported";
    /// <summary>{0}: the keyword at the root whose value is not what it should be.</summary>
    public const string RootKeywordInvalid = "Counters.EForm.RootKeywordInvalid";
    public const string NoFields = "Counters.EForm.NoFields";
    /// <summary>{0}: the most fields a form may have.</summary>
    public const string TooManyFields = "Counters.EForm.TooManyFields";
    /// <summary>{0}: the key.</summary>
    public const string FieldKeyInvalid = "Counters.EForm.FieldKeyInvalid";
    /// <summary>{0}: the key.</summary>
    public const string FieldNotObject = "Counters.EForm.FieldNotObject";
    /// <summary>{0}: the key.</summary>
    public const string FieldTitleMissing = "Counters.EForm.FieldTitleMissing";
    /// <summary>{0}: the key.</summary>
    public const string FieldTypeMissing = "Counters.EForm.FieldTypeMissing";
    /// <summary>{0}: the key; {1}: the type (object, array).</summary>
    public const string FieldNestedUnsupported = "Counters.EForm.FieldNestedUnsupported";
    /// <summary>{0}: the key; {1}: the type.</summary>
    public const string FieldTypeUnsupported = "Counters.EForm.FieldTypeUnsupported";
    /// <summary>{0}: the key; {1}: the keyword.</summary>
    public const string FieldKeywordUnsupported = "Counters.EForm.FieldKeywordUnsupported";
    /// <summary>{0}: the key; {1}: the keyword.</summary>
    public const string FieldKeywordInvalid = "Counters.EForm.FieldKeywordInvalid";
    /// <summary>{0}: the key; {1}: the format.</summary>
    public const string FieldFormatUnsupported = "Counters.EForm.FieldFormatUnsupported";
    /// <summary>{0}: the key.</summary>
    public const string FieldRangeInvalid = "Counters.EForm.FieldRangeInvalid";
    /// <summary>{0}: the name listed in "required".</summary>
    public const string RequiredUnknown = "Counters.EForm.RequiredUnknown";
    public const string NotSchema = "Counters.EForm.NotSchema";

    // The editor's "add a field"
    /// <summary>{0}: the key.</summary>
    public const string FieldKeyDuplicate = "Counters.EForm.FieldKeyDuplicate";
    public const string FieldTitleRequired = "Counters.EForm.FieldTitleRequired";
    /// <summary>{0}: the type given; {1}: the types there are.</summary>
    public const string FieldTypeUnknown = "Counters.EForm.FieldTypeUnknown";
    public const string FieldOptionsRequired = "Counters.EForm.FieldOptionsRequired";

    // The data (what the desk or the applicant fills in); {0} is always the field's title
    public const string Required = "Counters.EForm.Required";
    public const string NotText = "Counters.EForm.NotText";
    public const string NotInteger = "Counters.EForm.NotInteger";
    public const string NotNumber = "Counters.EForm.NotNumber";
    public const string NotBoolean = "Counters.EForm.NotBoolean";
    /// <summary>{1}: the minimum.</summary>
    public const string BelowMinimum = "Counters.EForm.BelowMinimum";
    /// <summary>{1}: the maximum.</summary>
    public const string AboveMaximum = "Counters.EForm.AboveMaximum";
    /// <summary>{1}: the fewest characters.</summary>
    public const string TooShort = "Counters.EForm.TooShort";
    /// <summary>{1}: the most characters.</summary>
    public const string TooLong = "Counters.EForm.TooLong";
    public const string PatternMismatch = "Counters.EForm.PatternMismatch";
    /// <summary>{1}: the options, comma-separated.</summary>
    public const string NotAnOption = "Counters.EForm.NotAnOption";
    public const string DateInvalid = "Counters.EForm.DateInvalid";
    public const string EmailInvalid = "Counters.EForm.EmailInvalid";
    public const string Invalid = "Counters.EForm.Invalid";
    /// <summary>{0}: the key of a value the form has no field for.</summary>
    public const string UnknownField = "Counters.EForm.UnknownField";
}
