using OneStop.Platform.Domain;

namespace OneStop.Counters.Domain.Dossiers;

/// <summary>
/// One line of the process-control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ, Mẫu 05 of 2018 / Mẫu 06 of
/// 2025): a step of the dossier's internal process as it was actually taken, with its own clock — started, due after its
/// budget in working hours, completed. A step taken twice (a proposal returned by the leader) is two lines.
/// </summary>
internal sealed class DossierStep : Entity
{
    public Guid DossierId { get; set; }
    /// <summary>Line number on the sheet.</summary>
    public int Order { get; set; }
    /// <summary>Position of the step in <see cref="Dossier.ProcessPlan"/>.</summary>
    public int PlanIndex { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? AgencyCode { get; set; }
    /// <summary>Who performs it, as the sheet prints it (the agency, or the unit's desk, specialist or leaders).</summary>
    public string Performer { get; set; } = "";
    public decimal BudgetHours { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    /// <summary>How it ended (the transition that closed it).</summary>
    public string? Outcome { get; set; }
    /// <summary>Handed to this step in the system (true) or on paper (false).</summary>
    public bool Electronic { get; set; } = true;
    public string? Note { get; set; }

    public bool IsOpen => CompletedAt is null;

    /// <summary>Late: completed after its due time, or still open past it.</summary>
    public bool IsLateAt(DateTimeOffset now) => DueAt is { } due && (CompletedAt ?? now) > due;
}
