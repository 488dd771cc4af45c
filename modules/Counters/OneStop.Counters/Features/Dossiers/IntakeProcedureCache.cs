using System.Collections.Concurrent;
using OneStop.Counters.Domain.Catalogue;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// The procedures intake has read on this instance, under the catalogue's change version (ADR 0060). Only a hint: the
/// reader uses it while the version PostgreSQL holds is the same, so a catalogue change on any instance (an edit, an
/// import, a new version) reaches the next intake everywhere. The procedures are shared between requests: read-only.
/// </summary>
internal sealed class IntakeProcedureCache
{
    /// <summary>Enough for a province's catalogue (about 2,000 procedures); unknown codes are never kept.</summary>
    public const int MaxProcedures = 5_000;

    private volatile Generation? _current;

    public ConcurrentDictionary<string, Procedure> At(Guid version)
    {
        if (_current is { } current && current.Version == version)
        {
            return current.Procedures;
        }

        var fresh = new Generation(version, new ConcurrentDictionary<string, Procedure>(StringComparer.Ordinal));
        _current = fresh;
        return fresh.Procedures;
    }

    private sealed record Generation(Guid Version, ConcurrentDictionary<string, Procedure> Procedures);
}
