using OneStop.Platform;

namespace OneStop.Counters.Contracts;

/// <summary>
/// Priority groups served first at the desks (đối tượng ưu tiên: người cao tuổi, người khuyết tật, phụ nữ mang thai,
/// người đi cùng trẻ em dưới 6 tuổi). The fairness rule that keeps normal tickets moving is in ADR 0008 (queue).
/// </summary>
public static class QueuePriorityGroups
{
    public const string Elderly = "ELDERLY";
    public const string Disabled = "DISABLED";
    public const string Pregnant = "PREGNANT";
    public const string ChildUnderSix = "CHILD_UNDER_6";

    public static readonly string[] All = [Elderly, Disabled, Pregnant, ChildUnderSix];

    public static string NameVi(string group) => group switch
    {
        Elderly => "Người cao tuổi",
        Disabled => "Người khuyết tật",
        Pregnant => "Phụ nữ mang thai",
        ChildUnderSix => "Người đi cùng trẻ em dưới 6 tuổi",
        _ => group,
    };
}

/// <summary>States of a queue ticket (phiếu thứ tự).</summary>
public static class QueueTicketStatuses
{
    /// <summary>Đang chờ (also after a transfer to another counter).</summary>
    public const string Waiting = "WAITING";
    /// <summary>Đã gọi, the citizen walks to the counter.</summary>
    public const string Called = "CALLED";
    /// <summary>Đang phục vụ.</summary>
    public const string Serving = "SERVING";
    /// <summary>Đã phục vụ xong.</summary>
    public const string Done = "DONE";
    /// <summary>Vắng mặt khi được gọi.</summary>
    public const string NoShow = "NO_SHOW";

    public static readonly string[] All = [Waiting, Called, Serving, Done, NoShow];
}

/// <summary>Where a ticket was issued.</summary>
public static class QueueTicketSources
{
    public const string Kiosk = "KIOSK";
    public const string Appointment = "APPOINTMENT";
    public const string Officer = "OFFICER";
    /// <summary>A third-party kiosk through the API.</summary>
    public const string Api = "API";

    public static readonly string[] All = [Kiosk, Appointment, Officer, Api];
}

public sealed record QueueVisitDossier(Guid? DossierId, string DossierCode, DateTimeOffset LinkedAt);

/// <summary>
/// One visit to a desk, from the ticket to the end of service, with the dossiers it led to, so a visit can be followed
/// end to end (ticket → dossier → result return → satisfaction rating). Times are instants; the durations are whole
/// seconds: waiting = issue → first call, service = first call → end.
/// </summary>
public sealed record QueueVisitInfo(
    Guid TicketId,
    Guid UnitId,
    string UnitPath,
    Guid DeskId,
    string DeskCode,
    string DeskName,
    DateOnly ServiceDate,
    string Number,
    string Field,
    string? PriorityGroup,
    string Source,
    string Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset? CalledAt,
    DateTimeOffset? EndedAt,
    int? WaitSeconds,
    int? ServiceSeconds,
    string? CounterName,
    string? OfficerName,
    IReadOnlyList<QueueVisitDossier> Dossiers);

/// <summary>Published when a visit ends (service finished): Evaluation can ask the citizen for a rating of this ticket.</summary>
public sealed record QueueVisitEnded(QueueVisitInfo Visit) : IntegrationEvent;

/// <summary>Visits at the desks for other modules (Evaluation attaches ratings to tickets). Limited to the current scope.</summary>
public interface IQueueVisits
{
    Task<QueueVisitInfo?> FindVisitAsync(Guid ticketId, CancellationToken ct = default);

    /// <summary>The visits that led to a dossier (one ticket may lead to several dossiers, a dossier to several visits).</summary>
    Task<IReadOnlyList<QueueVisitInfo>> VisitsForDossierAsync(string dossierCode, CancellationToken ct = default);
}

/// <summary>Grouping of the waiting-time KPI over time.</summary>
public enum QueueKpiPeriod
{
    /// <summary>One row per unit for the whole range.</summary>
    Range,
    Day,
    Month,
}

/// <summary>
/// Waiting time of the visits of one unit in one period (plan target: ≤30 min in 2022, ≤15 min 2023–2025). Only
/// visits that were called count; <see cref="PeriodStart"/> is the range's start for <see cref="QueueKpiPeriod.Range"/>.
/// </summary>
public sealed record WaitingTimeFigure(
    Guid UnitId,
    string UnitPath,
    DateOnly PeriodStart,
    int Visits,
    double AverageWaitMinutes,
    double? AverageServiceMinutes,
    int VisitsOverFifteenMinutes);

/// <summary>Source of the waiting-time KPI: computed set-based in SQL over the visits in the caller's scope.</summary>
public interface IQueueKpiSource
{
    Task<IReadOnlyList<WaitingTimeFigure>> WaitingTimeByUnitAsync(DateOnly from, DateOnly to, QueueKpiPeriod period, CancellationToken ct = default);
}
