namespace OneStop.Counters.Contracts;

/// <summary>Stable error codes of the Counters module, returned in ProblemDetails "code".</summary>
public static class CountersErrorCodes
{
    public const string Prefix = "Counters.";
}
