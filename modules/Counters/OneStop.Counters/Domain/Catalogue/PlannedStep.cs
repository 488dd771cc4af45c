namespace OneStop.Counters.Domain.Catalogue;

/// <summary>A step of a dossier's internal process as copied at reception (a later change moves only later dossiers).</summary>
internal sealed record PlannedStep(string Name, string Kind, string? AgencyCode, string? AgencyName, decimal BudgetHours);
