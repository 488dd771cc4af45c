namespace OneStop.Integration.Contracts;

public enum LookupOutcome
{
    Found,
    NotFound,
    /// <summary>Found, but the name or date of birth given does not match the record.</summary>
    Mismatch,
    Unavailable,
}
