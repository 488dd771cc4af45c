namespace OneStop.Integration.Contracts;

/// <summary>Stable error codes of the Integration module, returned in ProblemDetails "code".</summary>
public static class IntegrationErrorCodes
{
    public const string Prefix = "Integration.";
    public const string SystemUnavailable = "Integration.SystemUnavailable";
    public const string InvalidCitizenId = "Integration.InvalidCitizenId";
    public const string UnknownSystem = "Integration.UnknownSystem";
    public const string NotFound = "Integration.NotFound";
}
