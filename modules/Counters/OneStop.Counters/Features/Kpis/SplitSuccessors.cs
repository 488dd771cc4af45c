using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.AdministrativeUnits.Reorganisations;

namespace OneStop.Counters.Features.Kpis;

/// <summary>
/// For the KPIs "as is": today's unit of a dossier whose unit was split on the way to today (Phường Trần Phú into Lê
/// Thanh Nghị and Tân Hưng) — at each split the successor the applicant's address names, else the primary one, the
/// rule open dossiers were handed over by (<see cref="UnitTransfer.TargetFor"/>). Units reached by merges only need
/// nothing here: the KPI engine follows primary successors itself.
/// </summary>
internal sealed class SplitSuccessors
{
    private readonly IReadOnlyDictionary<Guid, AdministrativeUnitInfo> _units;
    private readonly IReadOnlyDictionary<Guid, IReadOnlyList<UnitSuccessionInfo>> _steps;
    private readonly DateOnly _today;

    private SplitSuccessors(IReadOnlyDictionary<Guid, AdministrativeUnitInfo> units, IReadOnlyDictionary<Guid, IReadOnlyList<UnitSuccessionInfo>> steps, DateOnly today)
    {
        _units = units;
        _steps = steps;
        _today = today;
        Units = units.Keys.Where(LeadsToSplit).ToList();
    }

    /// <summary>The units whose line of successors passes a split (few: only their dossiers are grouped by address).</summary>
    public IReadOnlyList<Guid> Units { get; }

    public static async Task<SplitSuccessors> LoadAsync(IAdministrativeUnitDirectory directory, DateOnly today, CancellationToken ct)
    {
        var all = await directory.AllAsync(ct);
        var steps = new Dictionary<Guid, IReadOnlyList<UnitSuccessionInfo>>();
        foreach (var unit in all.Where(u => u.ValidTo is not null))
        {
            // Primary first (the directory orders them so); only the steps in force today.
            var successors = (await directory.SuccessorsAsync(unit.Id, ct)).Where(s => s.EffectiveOn <= today).ToList();
            if (successors.Count > 0)
            {
                steps[unit.Id] = successors;
            }
        }

        return new SplitSuccessors(all.ToDictionary(u => u.Id), steps, today);
    }

    /// <summary>Today's unit for a dossier of <paramref name="unitId"/> with this applicant's address; null when it cannot tell.</summary>
    public Guid? Resolve(Guid unitId, string? address)
    {
        var id = unitId;
        for (var steps = 0; steps < 32; steps++)
        {
            if (!_units.TryGetValue(id, out var unit) || unit.IsValidOn(_today) || !_steps.TryGetValue(id, out var successors))
            {
                return _units.ContainsKey(id) ? id : null;
            }

            if (successors.Count == 1)
            {
                id = successors[0].SuccessorId;
                continue;
            }

            var transfer = new UnitTransfer(unit.Id, unit.Code, unit.Name, unit.Path,
                successors.Where(s => _units.ContainsKey(s.SuccessorId))
                    .Select(s => _units[s.SuccessorId]).Select(s => new UnitTransferTarget(s.Id, s.Code, s.Name, s.Path)).ToList());
            if (transfer.Successors.Count == 0)
            {
                return null;
            }

            id = transfer.TargetFor(address).Target.Id;
        }

        return null;
    }

    private bool LeadsToSplit(Guid unitId)
    {
        var queue = new Queue<Guid>([unitId]);
        var seen = new HashSet<Guid> { unitId };
        while (queue.TryDequeue(out var id))
        {
            if (!_steps.TryGetValue(id, out var successors))
            {
                continue;
            }

            if (successors.Count > 1)
            {
                return true;
            }

            foreach (var s in successors.Where(s => seen.Add(s.SuccessorId)))
            {
                queue.Enqueue(s.SuccessorId);
            }
        }

        return false;
    }
}
