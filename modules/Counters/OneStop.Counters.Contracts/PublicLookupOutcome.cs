namespace OneStop.Counters.Contracts;

/// <summary>How a public look-up ended.</summary>
public enum PublicLookupOutcome
{
    Found,
    /// <summary>No dossier with this code and identity tail (which of the two is wrong is not told).</summary>
    NotFound,
    /// <summary>Too many wrong tries for this code or from this address: nothing was checked.</summary>
    Throttled,
}
