namespace OneStop.Platform.Modules;

/// <summary>
/// A module's part of the demo dataset of the embedded default (<c>Seed:DemoData</c>, Development only; ADR 0019).
/// Contributors run once, in <see cref="Order"/>, in the unrestricted scope, and write through their module's own
/// handlers with the clock shifted by <see cref="OneStop.Platform.Domain.AsOfClock.At"/>, so invariants, audit and
/// outbox rows are those of real work. Then each one's <see cref="CompleteAsync"/> runs (derived data: search index,
/// KPI snapshots), in the same order.
/// </summary>
public interface IDemoDataContributor
{
    /// <summary>Lower runs first: dossiers (Counters) before what refers to them (ratings, reports, KPIs).</summary>
    int Order { get; }

    Task GenerateAsync(DemoDataRun run, CancellationToken ct);

    Task CompleteAsync(DemoDataRun run, CancellationToken ct) => Task.CompletedTask;
}
