namespace OneStop.Counters.Contracts;

/// <summary>The public look-up's throttle (ADR 0042).</summary>
public static class PublicLookupLimits
{
    /// <summary>Wrong tries allowed per dossier code and per address before the look-up stops checking.</summary>
    public const int FreeTries = 10;

    /// <summary>How long it then stops checking.</summary>
    public static readonly TimeSpan Block = TimeSpan.FromMinutes(15);
}
