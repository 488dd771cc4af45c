using OneStop.Platform.Domain;

namespace OneStop.Queue.Domain;

/// <summary>
/// Lịch hẹn: a citizen's booking of a slot for a field at a desk. The code is checked in at the kiosk, which issues a
/// ticket queued at the slot's start. Not checked in by <see cref="QueuePolicy.CheckInGrace"/> after the start, the
/// booking is released as a no-show.
/// </summary>
internal sealed class QueueAppointment : ScopedEntity
{
    private QueueAppointment() { }

    public QueueAppointment(QueueDesk desk, string code, string field, DateTimeOffset slotStart, DateOnly slotDate, string citizenName, string? phone)
    {
        DeskId = desk.Id;
        UnitId = desk.UnitId;
        UnitPath = desk.UnitPath;
        Code = code;
        Field = field;
        SlotStart = slotStart;
        SlotDate = slotDate;
        CitizenName = citizenName;
        Phone = phone;
    }

    public Guid DeskId { get; private set; }

    /// <summary>Short code given to the citizen (no 0/O/1/I to avoid misreading).</summary>
    public string Code { get; private set; } = "";
    public string Field { get; private set; } = "";
    public DateTimeOffset SlotStart { get; private set; }
    public DateOnly SlotDate { get; private set; }
    public string CitizenName { get; private set; } = "";
    public string? Phone { get; private set; }
    public string Status { get; private set; } = AppointmentStatuses.Booked;
    public Guid? TicketId { get; private set; }
    public DateTimeOffset? CheckedInAt { get; private set; }

    public void CheckIn(QueueTicket ticket, DateTimeOffset at)
    {
        Status = AppointmentStatuses.CheckedIn;
        TicketId = ticket.Id;
        CheckedInAt = at;
    }

    public void Release() => Status = AppointmentStatuses.NoShow;
}

internal static class AppointmentStatuses
{
    public const string Booked = "BOOKED";
    public const string CheckedIn = "CHECKED_IN";
    /// <summary>Not checked in in time: the slot was released.</summary>
    public const string NoShow = "NO_SHOW";
}

/// <summary>
/// The queue's rules, free of EF so tests and the benchmark can reason about them. The database query that calls the
/// next ticket orders by exactly <see cref="Next"/>'s keys.
/// </summary>
internal static class QueuePolicy
{
    /// <summary>A priority ticket queues as if it had been issued this much earlier (ADR 0008).</summary>
    public const int DefaultHeadStartMinutes = 15;

    /// <summary>Check-in opens this long before the slot…</summary>
    public static readonly TimeSpan CheckInOpens = TimeSpan.FromMinutes(30);

    /// <summary>…and closes this long after its start; then the booking is released.</summary>
    public static readonly TimeSpan CheckInGrace = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Fair priority: priority groups get a fixed head start instead of an absolute precedence, so they pass every
    /// normal ticket issued less than the head start before them, and a normal ticket is never passed by anyone issued
    /// more than the head start after it: its wait is bounded, however many priority citizens keep arriving.
    /// An appointment queues at its slot's start.
    /// </summary>
    public static DateTimeOffset QueueKey(DateTimeOffset issuedAt, bool priority, int headStartMinutes, DateTimeOffset? slotStart = null)
    {
        var key = slotStart ?? issuedAt;
        return priority ? key.AddMinutes(-headStartMinutes) : key;
    }

    /// <summary>May this counter call this waiting ticket? Transferred tickets only at their target counter.</summary>
    public static bool Eligible(QueueTicket ticket, QueueCounter counter) =>
        ticket.TransferredToCounterId is { } target ? target == counter.Id : counter.Fields.Contains(ticket.Field);

    /// <summary>The ticket a counter calls next: tickets transferred to it first, then by queue key, then by number.</summary>
    public static QueueTicket? Next(IEnumerable<QueueTicket> waiting, QueueCounter counter) =>
        waiting.Where(t => t.Status == Contracts.QueueTicketStatuses.Waiting && Eligible(t, counter))
            .OrderBy(t => t.TransferredToCounterId == null)
            .ThenBy(t => t.QueueKey)
            .ThenBy(t => t.Number)
            .FirstOrDefault();

    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string NewAppointmentCode() =>
        string.Create(6, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = CodeAlphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
            }
        });
}
