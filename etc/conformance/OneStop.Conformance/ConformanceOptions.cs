namespace OneStop.Conformance;

/// <summary>What the kit is pointed at.</summary>
public sealed record ConformanceOptions
{
    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }

    /// <summary>Calls until the limit answers 429, then checks Retry-After (uses up the client's minute).</summary>
    public bool ExhaustRateLimit { get; init; }

    /// <summary>At most this many pages are walked per list.</summary>
    public int MaxPages { get; init; } = 40;

    /// <summary>Page size asked for when walking a list.</summary>
    public int PageSize { get; init; } = 25;
}
