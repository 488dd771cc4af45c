using Microsoft.EntityFrameworkCore;
using OneStop.Queue.Contracts;
using OneStop.Queue.Infrastructure;

namespace OneStop.Queue.Features.Visits;

/// <summary>The queue's answers to other modules, read inside the caller's scope (the query filter) and for the named unit.</summary>
internal sealed class QueueApi(QueueDbContext db) : IQueueApi
{
    public Task<bool> IsTicketOfUnitAsync(Guid ticketId, Guid unitId, CancellationToken ct = default) =>
        db.QueueTickets.AnyAsync(t => t.Id == ticketId && t.UnitId == unitId, ct);
}
