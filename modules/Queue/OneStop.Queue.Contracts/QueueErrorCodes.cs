namespace OneStop.Queue.Contracts;

/// <summary>
/// Stable error codes of the Queue module, returned in ProblemDetails "code". The values are those the queue answered
/// with inside Counters (<c>Counters.Queue…</c>), so kiosks and displays that test for them need no change (ADR 0021).
/// </summary>
public static class QueueErrorCodes
{
    /// <summary>No desk (service point) with that id or code in scope.</summary>
    public const string DeskNotFound = "Counters.QueueDeskNotFound";

    /// <summary>A desk with that code exists already.</summary>
    public const string DeskCodeTaken = "Counters.QueueDeskCodeTaken";

    public const string CounterNotFound = "Counters.QueueCounterNotFound";

    public const string TicketNotFound = "Counters.QueueTicketNotFound";

    /// <summary>No counter of the desk serves the chosen field.</summary>
    public const string FieldNotServed = "Counters.QueueFieldNotServed";

    /// <summary>The command does not fit the ticket's or counter's state (e.g. end a ticket never called).</summary>
    public const string InvalidState = "Counters.QueueInvalidState";

    /// <summary>The counter is taken by another officer, or the officer sits at another counter.</summary>
    public const string CounterTaken = "Counters.QueueCounterTaken";

    /// <summary>Nobody is waiting for the counter's fields.</summary>
    public const string Empty = "Counters.QueueEmpty";

    /// <summary>The appointment slot is full or not offered.</summary>
    public const string SlotUnavailable = "Counters.QueueSlotUnavailable";

    public const string AppointmentNotFound = "Counters.QueueAppointmentNotFound";

    /// <summary>Check-in outside the appointment's window (too early, or released as a no-show).</summary>
    public const string CheckInClosed = "Counters.QueueCheckInClosed";
}
