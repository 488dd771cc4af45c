namespace OneStop.Counters.Features.Catalogue.DocumentTypes;

/// <summary>
/// Message codes of the code list of document types (danh mục mã loại giấy tờ) that are not API error codes (ADR 0020).
/// Texts in Localization/messages.*.json; arguments are listed where a text takes some.
/// </summary>
internal static class DocumentTypeMessages
{
    public const string CodeInvalid = "Counters.DocumentTypes.CodeInvalid";
    public const string NameRequired = "Counters.DocumentTypes.NameRequired";
    public const string RetiredFromInvalid = "Counters.DocumentTypes.RetiredFromInvalid";
    /// <summary>{0}: the code.</summary>
    public const string Added = "Counters.DocumentTypes.Added";
    /// <summary>{0}: the code.</summary>
    public const string Renamed = "Counters.DocumentTypes.Renamed";
    /// <summary>{0}: the code; {1}: the day (dd/MM/yyyy).</summary>
    public const string Retired = "Counters.DocumentTypes.Retired";
    /// <summary>{0}: the code.</summary>
    public const string Restored = "Counters.DocumentTypes.Restored";
}
