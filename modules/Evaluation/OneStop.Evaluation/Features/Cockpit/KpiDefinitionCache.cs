using Microsoft.EntityFrameworkCore;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Infrastructure;

namespace OneStop.Evaluation.Features.Cockpit;

/// <summary>
/// The KPI definitions, read once per host: they are reference data that follow the shipped file at start-up
/// (<see cref="KpiSeeder"/>) and nothing edits them afterwards, so every cockpit page need not read their texts again
/// (a round trip and ~35 KB of strings a page). No change version (ADR 0060) is needed: only a deployment changes them,
/// and then every instance restarts and seeds. Shared between requests: read-only.
/// </summary>
internal sealed class KpiDefinitionCache
{
    private volatile IReadOnlyDictionary<string, KpiDefinition>? _definitions;

    public async Task<IReadOnlyDictionary<string, KpiDefinition>> GetAsync(EvaluationDbContext db, CancellationToken ct) =>
        _definitions ??= await db.Definitions.AsNoTracking().OrderBy(d => d.Order).ToDictionaryAsync(d => d.Code, ct);
}
