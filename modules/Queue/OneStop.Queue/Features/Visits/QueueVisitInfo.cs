namespace OneStop.Queue.Features.Visits;

/// <summary>
/// One visit to a desk, from the ticket to the end of service, with the dossiers it led to, so a visit can be followed
/// end to end (ticket → dossier → result return → satisfaction rating). Times are instants; the durations are whole
/// seconds: waiting = issue → first call, service = first call → end.
/// </summary>
internal sealed record QueueVisitInfo(
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
