using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Platform.Domain;
using OneStop.Queue.Domain;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Queue.Features;

/// <summary>Vietnam calendar day of an instant: ticket numbers and the measurements are per local day.</summary>
internal static class QueueTime
{
    public static DateOnly DayOf(DateTimeOffset instant) => VietnamTime.DayOf(instant);

    public static string Clock(DateTimeOffset? instant) =>
        instant is { } i ? VietnamTime.Of(i).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "";

    public static double Minutes(double? seconds) => Math.Round((seconds ?? 0) / 60.0, 1);
}

internal static class QueueDesks
{
    /// <summary>A desk in the caller's scope, with its counters.</summary>
    public static async Task<QueueDesk> GetAsync(QueueDbContext db, Guid id, CancellationToken ct) =>
        await db.QueueDesks.Include(d => d.Counters).FirstOrDefaultAsync(d => d.Id == id, ct)
        ?? throw new PlatformException(QueueErrorCodes.DeskNotFound, 404);

    /// <summary>
    /// The kiosk, board and booking pages are public (no login): they find the desk by its code across units, then act
    /// for the desk's unit (<see cref="ScopeOf"/>), so everything they read or write stays inside it. The caller switches
    /// the scope itself: a switch made inside an awaited method would not flow back to it.
    /// </summary>
    public static Task<QueueDesk?> FindPublicAsync(QueueDbContext db, string code, CancellationToken ct) =>
        db.QueueDesks.IgnoreQueryFilters([PlatformModelConventions.ScopeFilter]).AsNoTracking()
            .FirstOrDefaultAsync(d => d.Code == code.ToUpperInvariant() && !d.IsDeleted, ct);

    public static UnitScope ScopeOf(QueueDesk desk) => new(desk.UnitId, desk.UnitPath, desk.Name);
}

/// <summary>Queries shared by the counter commands and the counter console.</summary>
internal static class QueueQueries
{
    /// <summary>
    /// Today's waiting tickets a counter may call, in calling order (the SQL form of <see cref="QueuePolicy.Next"/>):
    /// tickets transferred to it first, then by queue key, then by number.
    /// </summary>
    public static IQueryable<QueueTicket> WaitingFor(QueueDbContext db, QueueCounter counter, DateOnly day)
    {
        var fields = counter.Fields.ToList();
        var counterId = counter.Id;
        return db.QueueTickets
            .Where(t => t.DeskId == counter.DeskId && t.ServiceDate == day && t.Status == QueueTicketStatuses.Waiting
                && (t.TransferredToCounterId == counterId || (t.TransferredToCounterId == null && fields.Contains(t.Field))))
            .OrderBy(t => t.TransferredToCounterId == null)
            .ThenBy(t => t.QueueKey)
            .ThenBy(t => t.Number);
    }

}

/// <summary>
/// Serialises the writers of one queue (ticket numbers, slot capacity) inside a transaction: an advisory lock on
/// PostgreSQL; SQLite's single writer does it there, and the unique index on numbers is the last guard.
/// </summary>
internal static class QueueLocks
{
    public static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(QueueDbContext db, string key, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext({0}))", ["queue:" + key], ct);
        }

        return tx;
    }
}

/// <summary>
/// Wakes the live board streams of a desk on this instance at once; streams also look at the database every second,
/// so a call made on another instance shows within a second too. Each pulse counts up a generation: a stream takes
/// the generation before it reads the board and waits for a later one, so a pulse that comes while it is reading or
/// writing is not lost (it was, and the call then waited for the next one-second look).
/// </summary>
internal sealed class BoardSignals
{
    private readonly ConcurrentDictionary<Guid, DeskSignal> _desks = new();

    /// <summary>The desk's generation now; take it before reading the board.</summary>
    public long Generation(Guid deskId) => Desk(deskId).Generation;

    public void Pulse(Guid deskId) => Desk(deskId).Pulse();

    /// <summary>Returns when the desk has been pulsed since <paramref name="seen"/> (at once if it already was), or after the timeout.</summary>
    public async Task WaitAsync(Guid deskId, long seen, TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await Desk(deskId).ChangedSince(seen).WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            // Nothing on this instance: the caller checks the database.
        }
    }

    private DeskSignal Desk(Guid deskId) => _desks.GetOrAdd(deskId, _ => new DeskSignal());

    private sealed class DeskSignal
    {
        private readonly Lock _lock = new();
        private long _generation;
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Generation
        {
            get
            {
                lock (_lock)
                {
                    return _generation;
                }
            }
        }

        public void Pulse()
        {
            TaskCompletionSource pulsed;
            lock (_lock)
            {
                _generation++;
                pulsed = _next;
                _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            pulsed.TrySetResult();
        }

        public Task ChangedSince(long seen)
        {
            lock (_lock)
            {
                return _generation != seen ? Task.CompletedTask : _next.Task;
            }
        }
    }
}

/// <summary>A ticket as the API and pages show it.</summary>
internal sealed record TicketDto(
    Guid Id, Guid DeskId, string Number, DateOnly ServiceDate, string Field, string? PriorityGroup, string Source, string Status,
    DateTimeOffset IssuedAt, DateTimeOffset? CalledAt, DateTimeOffset? EndedAt, Guid? CounterId, Guid? TransferredToCounterId,
    int? WaitSeconds, int? ServiceSeconds, int WaitingAhead)
{
    public static TicketDto From(QueueTicket t, int waitingAhead = 0) => new(
        t.Id, t.DeskId, t.DisplayNumber, t.ServiceDate, t.Field, t.PriorityGroup, t.Source, t.Status, t.IssuedAt, t.CalledAt, t.EndedAt,
        t.CounterId, t.TransferredToCounterId, t.WaitSeconds, t.ServiceSeconds, waitingAhead);
}
