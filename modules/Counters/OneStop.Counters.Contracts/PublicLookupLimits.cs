namespace OneStop.Counters.Contracts;

/// <summary>The public look-up's throttle (ADR 0042).</summary>
public static class PublicLookupLimits
{
    /// <summary>Wrong tries allowed per dossier code before the look-up stops checking it.</summary>
    public const int FreeTries = 10;

    /// <summary>
    /// Wrong tries allowed per client address, over all codes: higher, because a service centre's kiosks or a
    /// family share one address, and low enough that guessing codes in sequence stops soon.
    /// </summary>
    public const int FreeTriesPerAddress = 30;

    /// <summary>How long it then stops checking.</summary>
    public static readonly TimeSpan Block = TimeSpan.FromMinutes(15);
}
