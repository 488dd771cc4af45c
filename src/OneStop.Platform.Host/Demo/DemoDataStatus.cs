namespace OneStop.Platform.Host.Demo;

/// <summary>What the demo dataset step did at this start, for the ready banner.</summary>
internal sealed class DemoDataStatus
{
    /// <summary>Dossiers generated at this start; null when nothing was generated.</summary>
    public int? DossiersGenerated { get; set; }

    /// <summary>The demo dataset was there from an earlier start (a dossier exists).</summary>
    public bool AlreadyPresent { get; set; }

    public TimeSpan Elapsed { get; set; }
}
