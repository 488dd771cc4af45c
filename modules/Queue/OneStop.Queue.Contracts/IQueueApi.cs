namespace OneStop.Queue.Contracts;

/// <summary>What other modules may ask of the queue (hệ thống xếp hàng).</summary>
public interface IQueueApi
{
    /// <summary>
    /// Whether <paramref name="ticketId"/> is a ticket issued at <paramref name="unitId"/>'s own queue: intake attaches
    /// a dossier only to a ticket of the receiving unit (a ticket id of another ward is refused, issue 19).
    /// </summary>
    Task<bool> IsTicketOfUnitAsync(Guid ticketId, Guid unitId, CancellationToken ct = default);
}
