using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Platform.Domain;

namespace OneStop.Queue.Domain;

/// <summary>
/// Phiếu thứ tự: one visit of a citizen to a desk. Numbered per desk per day. Waiting time = issue → first call,
/// service time = first call → end, both kept as whole seconds so averages are plain SQL on every provider.
/// </summary>
internal sealed class QueueTicket : ScopedEntity
{
    private QueueTicket() { }

    public QueueTicket(QueueDesk desk, DateOnly serviceDate, int number, string field, string? priorityGroup, string source, DateTimeOffset issuedAt, DateTimeOffset queueKey)
    {
        DeskId = desk.Id;
        UnitId = desk.UnitId;
        UnitPath = desk.UnitPath;
        ServiceDate = serviceDate;
        Number = number;
        Field = field;
        PriorityGroup = priorityGroup;
        Source = source;
        IssuedAt = issuedAt;
        QueueKey = queueKey;
    }

    public Guid DeskId { get; private set; }

    /// <summary>Vietnam calendar day of issue; numbers restart each day.</summary>
    public DateOnly ServiceDate { get; private set; }
    public int Number { get; private set; }
    public string Field { get; private set; } = "";
    public string? PriorityGroup { get; private set; }
    public string Source { get; private set; } = QueueTicketSources.Kiosk;
    public Guid? AppointmentId { get; set; }
    public string Status { get; private set; } = QueueTicketStatuses.Waiting;

    /// <summary>Order in the queue (ADR 0008): issue time, earlier by the head start for priority groups.</summary>
    public DateTimeOffset QueueKey { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset? CalledAt { get; private set; }

    /// <summary>Last call or recall: the board lists the latest first.</summary>
    public DateTimeOffset? LastCalledAt { get; private set; }
    public DateTimeOffset? ServiceStartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Counter that called it last.</summary>
    public Guid? CounterId { get; private set; }

    /// <summary>Set by a transfer: only that counter may call it, before its own queue.</summary>
    public Guid? TransferredToCounterId { get; private set; }
    public int CallCount { get; private set; }
    public int? WaitSeconds { get; private set; }
    public int? ServiceSeconds { get; private set; }

    public string DisplayNumber => Format(Number);

    public static string Format(int number) => number.ToString("000", System.Globalization.CultureInfo.InvariantCulture);

    public bool IsPriority => PriorityGroup is not null;

    public bool IsOpen => Status is QueueTicketStatuses.Called or QueueTicketStatuses.Serving;

    public void Call(Guid counterId, DateTimeOffset at)
    {
        Require(Status == QueueTicketStatuses.Waiting, OneStop.Queue.Features.QueueMessages.TicketsCallOnlyWaiting);
        Status = QueueTicketStatuses.Called;
        CounterId = counterId;
        TransferredToCounterId = null;
        CallCount++;
        LastCalledAt = at;
        if (CalledAt is null)
        {
            // The visit's waiting time is fixed by the first call; a transfer does not restart it.
            CalledAt = at;
            WaitSeconds = Seconds(IssuedAt, at);
        }
    }

    public void Recall(DateTimeOffset at)
    {
        Require(Status == QueueTicketStatuses.Called, OneStop.Queue.Features.QueueMessages.TicketsRecallOnlyCalled);
        CallCount++;
        LastCalledAt = at;
    }

    public void StartService(DateTimeOffset at)
    {
        Require(Status == QueueTicketStatuses.Called, OneStop.Queue.Features.QueueMessages.TicketsStartOnlyCalled);
        Status = QueueTicketStatuses.Serving;
        ServiceStartedAt ??= at;
    }

    public void End(DateTimeOffset at)
    {
        Require(IsOpen, OneStop.Queue.Features.QueueMessages.TicketsEndOnlyOpen);
        Status = QueueTicketStatuses.Done;
        EndedAt = at;
        ServiceSeconds = Seconds(CalledAt!.Value, at);
    }

    public void MarkNoShow(DateTimeOffset at)
    {
        Require(Status == QueueTicketStatuses.Called, OneStop.Queue.Features.QueueMessages.TicketsNoShowOnlyCalled);
        Status = QueueTicketStatuses.NoShow;
        EndedAt = at;
    }

    /// <summary>Chuyển quầy: back to waiting, at the head of the target counter's queue.</summary>
    public void TransferTo(Guid counterId)
    {
        Require(IsOpen, OneStop.Queue.Features.QueueMessages.TicketsTransferOnlyOpen);
        Status = QueueTicketStatuses.Waiting;
        TransferredToCounterId = counterId;
    }

    private static int Seconds(DateTimeOffset from, DateTimeOffset to) => (int)Math.Max(0, Math.Round((to - from).TotalSeconds));

    private static void Require(bool condition, string messageCode)
    {
        if (!condition)
        {
            throw new OneStop.Platform.Web.PlatformException(QueueErrorCodes.InvalidState, 409) { MessageCode = messageCode };
        }
    }
}

/// <summary>Ticket → dossier (one visit may lead to several dossiers). The dossier id is filled once Counters' intake knows it.</summary>
internal sealed class TicketDossierLink : ScopedEntity
{
    private TicketDossierLink() { }

    public TicketDossierLink(QueueTicket ticket, string dossierCode, Guid? dossierId, DateTimeOffset linkedAt)
    {
        TicketId = ticket.Id;
        UnitId = ticket.UnitId;
        UnitPath = ticket.UnitPath;
        DossierCode = dossierCode;
        DossierId = dossierId;
        LinkedAt = linkedAt;
    }

    public Guid TicketId { get; private set; }
    public Guid? DossierId { get; set; }
    public string DossierCode { get; private set; } = "";
    public DateTimeOffset LinkedAt { get; private set; }
}

/// <summary>
/// The queue's event log (nhật ký hàng đợi): append-only, one row per issue, call, recall, start, end, no-show and
/// transfer. The measurements are recomputable from it (the QueueDay benchmark does exactly that). Not audited itself:
/// it is a log, and the ticket changes it mirrors are.
/// </summary>
[NotAudited]
internal sealed class QueueEvent : Entity, IUnitScoped
{
    private QueueEvent() { }

    public QueueEvent(QueueTicket ticket, string kind, DateTimeOffset at, Guid? counterId, string actor)
    {
        TicketId = ticket.Id;
        DeskId = ticket.DeskId;
        UnitId = ticket.UnitId;
        UnitPath = ticket.UnitPath;
        Kind = kind;
        At = at;
        CounterId = counterId;
        Actor = actor;
    }

    public Guid UnitId { get; set; }
    public string UnitPath { get; set; } = "";
    public Guid TicketId { get; private set; }
    public Guid DeskId { get; private set; }
    public string Kind { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public Guid? CounterId { get; private set; }
    public string Actor { get; private set; } = "";
}

internal static class QueueEventKinds
{
    public const string Issued = "ISSUED";
    public const string Called = "CALLED";
    public const string Recalled = "RECALLED";
    public const string Started = "STARTED";
    public const string Ended = "ENDED";
    public const string NoShow = "NO_SHOW";
    public const string Transferred = "TRANSFERRED";
}
