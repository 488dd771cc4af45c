namespace OneStop.Counters.Domain.Catalogue;

/// <summary>Sizes of what a procedure version carries: larger input is refused with a message, never truncated.</summary>
internal static class ProcedureVersionLimits
{
    /// <summary>An e-form's JSON Schema: a few dozen fields fit easily.</summary>
    public const int FormSchemaLength = 32_000;
    /// <summary>A dossier's filled e-form.</summary>
    public const int FormDataLength = 32_000;
    public const int MaxComponents = 50;
    public const int MaxFees = 12;
    public const int MaxFormFields = 60;
}
