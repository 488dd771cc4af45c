namespace OneStop.Queue.Features;

/// <summary>Message codes of the queue that are not API error codes (ADR 0020); texts in Localization/messages.*.json.</summary>
internal static class QueueMessages
{
    public const string TicketsCallOnlyWaiting = "Queue.Tickets.CallOnlyWaiting";
    public const string TicketsRecallOnlyCalled = "Queue.Tickets.RecallOnlyCalled";
    public const string TicketsStartOnlyCalled = "Queue.Tickets.StartOnlyCalled";
    public const string TicketsEndOnlyOpen = "Queue.Tickets.EndOnlyOpen";
    public const string TicketsNoShowOnlyCalled = "Queue.Tickets.NoShowOnlyCalled";
    public const string TicketsTransferOnlyOpen = "Queue.Tickets.TransferOnlyOpen";
    public const string TicketsFieldOrDossierRequired = "Queue.Tickets.FieldOrDossierRequired";
    public const string TicketsPriorityGroupInvalid = "Queue.Tickets.PriorityGroupInvalid";
    /// <summary>{MaxLength}: the limit.</summary>
    public const string TicketsDossierCodeTooLong = "Queue.Tickets.DossierCodeTooLong";
    public const string TicketsNoResultReturnCounter = "Queue.Tickets.NoResultReturnCounter";
    public const string VisitsDossierCodeRequired = "Queue.Visits.DossierCodeRequired";
    public const string DesksCodeInvalid = "Queue.Desks.CodeInvalid";
    public const string DesksNameRequired = "Queue.Desks.NameRequired";
    public const string DesksPriorityHeadStartOutOfRange = "Queue.Desks.PriorityHeadStartOutOfRange";
    public const string DesksSlotMinutesOutOfRange = "Queue.Desks.SlotMinutesOutOfRange";
    public const string DesksSlotCapacityOutOfRange = "Queue.Desks.SlotCapacityOutOfRange";
    public const string DesksCounterNameRequired = "Queue.Desks.CounterNameRequired";
    public const string DesksCounterFieldsRequired = "Queue.Desks.CounterFieldsRequired";
    /// <summary>{0}: the actions, comma-separated.</summary>
    public const string CountersActionInvalid = "Queue.Counters.ActionInvalid";
    public const string CountersTransferTargetRequired = "Queue.Counters.TransferTargetRequired";
    public const string CountersSignedInOnly = "Queue.Counters.SignedInOnly";
    /// <summary>{0}: the counter's name.</summary>
    public const string CountersNotSeated = "Queue.Counters.NotSeated";
    public const string CountersEndBeforeSignOut = "Queue.Counters.EndBeforeSignOut";
    /// <summary>{0}: the open ticket's number.</summary>
    public const string CountersTicketStillOpen = "Queue.Counters.TicketStillOpen";
    public const string CountersTransferTargetInvalid = "Queue.Counters.TransferTargetInvalid";
    /// <summary>{0}: the counter's name; {1}: the officer sitting there.</summary>
    public const string CountersOccupied = "Queue.Counters.Occupied";
    /// <summary>{0}: the other counter's name.</summary>
    public const string CountersServingElsewhere = "Queue.Counters.ServingElsewhere";
    public const string CountersNothingCalled = "Queue.Counters.NothingCalled";
    public const string AppointmentsFieldRequired = "Queue.Appointments.FieldRequired";
    public const string AppointmentsSlotRequired = "Queue.Appointments.SlotRequired";
    public const string AppointmentsCitizenNameRequired = "Queue.Appointments.CitizenNameRequired";
    public const string AppointmentsPhoneInvalid = "Queue.Appointments.PhoneInvalid";
    public const string AppointmentsCodeRequired = "Queue.Appointments.CodeRequired";
    public const string AppointmentsSlotFull = "Queue.Appointments.SlotFull";
    public const string AppointmentsAlreadyCheckedIn = "Queue.Appointments.AlreadyCheckedIn";
    /// <summary>{0}: the time check-in opens (HH:mm).</summary>
    public const string AppointmentsCheckInNotYet = "Queue.Appointments.CheckInNotYet";
    /// <summary>{0}: how many days ahead.</summary>
    public const string AppointmentsDaysAhead = "Queue.Appointments.DaysAhead";
    /// <summary>{0}: the year.</summary>
    public const string AppointmentsCalendarNotCovered = "Queue.Appointments.CalendarNotCovered";
    /// <summary>{0}: the date (dd/MM/yyyy); {1}: why it is off, in Vietnamese (the calendar's entry name, a record).</summary>
    public const string AppointmentsDayOff = "Queue.Appointments.DayOff";
    public const string MeasurementParametersInvalid = "Queue.Measurement.ParametersInvalid";
    public const string MeasurementFromAfterTo = "Queue.Measurement.FromAfterTo";
}
