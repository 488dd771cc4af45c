namespace OneStop.Digitization.Contracts;

/// <summary>Stable error codes of the Digitization module, returned in ProblemDetails "code".</summary>
public static class DigitizationErrorCodes
{
    public const string Prefix = "Digitization.";
}
