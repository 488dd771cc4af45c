namespace OneStop.Counters.Contracts;

/// <summary>The answer of <see cref="ICountersPublicApi.LookupDossierAsync"/>.</summary>
/// <param name="Status">Set when <see cref="Outcome"/> is <see cref="PublicLookupOutcome.Found"/>.</param>
/// <param name="RetryAfter">Set when throttled: when the next try is checked again.</param>
public sealed record PublicLookupResult(PublicLookupOutcome Outcome, PublicDossierStatus? Status = null, DateTimeOffset? RetryAfter = null);
