namespace OneStop.Queue.Contracts;

/// <summary>
/// Stable error codes of the Queue module, returned in ProblemDetails "code". The values are those the queue answered
/// with inside Counters (<c>Counters.Queue…</c>), so kiosks and displays that test for them need no change (ADR 0021).
/// </summary>
public static class QueueErrorCodes
{
    public const string Prefix = "Counters.Queue";

    /// <summary>No desk (service point) with that id or code in scope.</summary>
    public const string DeskNotFound = Prefix + "DeskNotFound";

    /// <summary>A desk with that code exists already.</summary>
    public const string DeskCodeTaken = Prefix + "DeskCodeTaken";

    public const string CounterNotFound = Prefix + "CounterNotFound";

    public const string TicketNotFound = Prefix + "TicketNotFound";

    /// <summary>No counter of the desk serves the chosen field.</summary>
    public const string FieldNotServed = Prefix + "FieldNotServed";

    /// <summary>The command does not fit the ticket's or counter's state (e.g. end a ticket never called).</summary>
    public const string InvalidState = Prefix + "InvalidState";

    /// <summary>The counter is taken by another officer, or the officer sits at another counter.</summary>
    public const string CounterTaken = Prefix + "CounterTaken";

    /// <summary>Nobody is waiting for the counter's fields.</summary>
    public const string Empty = Prefix + "Empty";

    /// <summary>The appointment slot is full or not offered.</summary>
    public const string SlotUnavailable = Prefix + "SlotUnavailable";

    public const string AppointmentNotFound = Prefix + "AppointmentNotFound";

    /// <summary>Check-in outside the appointment's window (too early, or released as a no-show).</summary>
    public const string CheckInClosed = Prefix + "CheckInClosed";
}
