namespace OneStop.Integration.Contracts;

/// <summary>Stable error codes of the Integration module, returned in ProblemDetails "code".</summary>
public static class IntegrationErrorCodes
{
    public const string Prefix = "Integration.";
}
