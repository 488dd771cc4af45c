using Microsoft.Extensions.Logging;

namespace OneStop.Platform.Modules;

/// <summary>
/// One generation of the demo dataset: the days it covers (Vietnam calendar, <see cref="From"/> to <see cref="To"/>
/// inclusive), how many dossiers, and a seed so two installations get the same province.
/// </summary>
public sealed record DemoDataRun(DateOnly From, DateOnly To, int Dossiers, int Seed, ILogger Log)
{
    /// <summary>Dossiers the contributors actually created (Counters sets it; the banner reports it).</summary>
    public int DossiersCreated { get; set; }

    /// <summary>A random source per contributor, so adding one contributor does not change another's data.</summary>
    public Random RandomFor(string contributor) => new(HashCode.Combine(Seed, StableHash(contributor)));

    private static int StableHash(string text)
    {
        var h = 17;
        foreach (var c in text)
        {
            h = unchecked(h * 31 + c);
        }

        return h;
    }
}
