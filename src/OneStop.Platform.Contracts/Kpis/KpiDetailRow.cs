namespace OneStop.Platform.Kpis;

/// <summary>A row behind a KPI value, for drill-down from a red card (a dossier, a rating, a complaint, a task).</summary>
/// <param name="Counted">True when the row counts towards the numerator (e.g. on time); false rows are what makes a card red.</param>
/// <param name="Link">Where to open it in the web UI, if anywhere.</param>
public sealed record KpiDetailRow(Guid Id, string Code, string Title, string UnitPath, DateTimeOffset? At, bool Counted, string? Note, string? Link);
