namespace OneStop.Platform;

/// <summary>
/// A change set took effect: units were retired into successors and the paths of their data moved. Modules refresh
/// what they keep outside their tables (search indexes, caches, KPI snapshots).
/// </summary>
public sealed record UnitsReorganised(Guid ReorganisationId, DateOnly EffectiveOn, IReadOnlyList<Guid> RetiredUnitIds) : IntegrationEvent;
