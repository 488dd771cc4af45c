namespace OneStop.Counters.Features.Catalogue.ProcedureVersions;

/// <summary>Message codes of the procedure editor (ADR 0020, 0028); texts in Localization/messages.*.json.</summary>
internal static class ProcedureVersionMessages
{
    public const string ReasonRequired = "Counters.ProcedureVersion.ReasonRequired";
    public const string EffectiveFromInvalid = "Counters.ProcedureVersion.EffectiveFromInvalid";
    public const string FeesInvalid = "Counters.ProcedureVersion.FeesInvalid";
    public const string ComponentsInvalid = "Counters.ProcedureVersion.ComponentsInvalid";
    public const string ComponentsRepeated = "Counters.ProcedureVersion.ComponentsRepeated";
    public const string ResultTypesInvalid = "Counters.ProcedureVersion.ResultTypesInvalid";
    public const string FormSchemaTooLong = "Counters.ProcedureVersion.FormSchemaTooLong";
    /// <summary>{0}: the date of the latest version.</summary>
    public const string VersionAfter = "Counters.ProcedureVersion.VersionAfter";
    /// <summary>{0}: the count of problems.</summary>
    public const string FormSchemaRefused = "Counters.ProcedureVersion.FormSchemaRefused";
    /// <summary>{0}: the code.</summary>
    public const string DocumentTypeUnknown = "Counters.ProcedureVersion.DocumentTypeUnknown";
    /// <summary>{0}: the code; {1}: the retirement date.</summary>
    public const string DocumentTypeRetired = "Counters.ProcedureVersion.DocumentTypeRetired";
    public const string ComponentsRefused = "Counters.ProcedureVersion.ComponentsRefused";
    public const string FormDataRefused = "Counters.ProcedureVersion.FormDataRefused";
    /// <summary>The reason recorded for a version made by editing the description in place.</summary>
    public const string EditedReason = "Counters.ProcedureVersion.EditedReason";
    /// <summary>{0}: the code.</summary>
    public const string CodeInvalid = "Counters.ProcedureVersion.CodeInvalid";
    /// <summary>{0}: the code.</summary>
    public const string CodeTaken = "Counters.ProcedureVersion.CodeTaken";
    /// <summary>Another version was saved at the same moment.</summary>
    public const string SavedMeanwhile = "Counters.ProcedureVersion.SavedMeanwhile";
    /// <summary>The source shown for a procedure added by hand.</summary>
    public const string HandMadeSource = "Counters.ProcedureVersion.HandMadeSource";
}
