using OneStop.Counters.Contracts;
using OneStop.Counters.Features;
using OneStop.Platform;
using OneStop.Platform.Domain;
using OneStop.Platform.Web;

namespace OneStop.Counters.Domain.Dossiers;

/// <summary>
/// Hồ sơ thủ tục hành chính. Owned by the receiving unit (<see cref="UnitPath"/>) and shared with the competent unit
/// (<see cref="SharedUnitPath"/>): a location-independent dossier is seen by exactly those two branches of the tree.
/// The state machine lives here; endpoints check permissions and persist.
/// </summary>
internal sealed class Dossier : Entity, ISharedWithUnit, IHasAuditStamps
{
    public string Code { get; set; } = "";
    public Guid ProcedureId { get; set; }
    public string ProcedureCode { get; set; } = "";
    public string ProcedureName { get; set; } = "";
    public string ProcedureField { get; set; } = "";
    /// <summary>Legal time applied, copied at reception: a later catalogue change does not move this dossier.</summary>
    public int LegalTimeVersion { get; set; }
    /// <summary>The procedure version valid at reception (ADR 0025); 0 for dossiers received before versions existed.</summary>
    public int ProcedureVersion { get; set; }
    public decimal LegalTimeValue { get; set; }
    public string LegalTimeUnit { get; set; } = "";

    public string Channel { get; set; } = DossierChannels.Direct;
    public string Status { get; set; } = DossierStatuses.New;

    public string ApplicantKind { get; set; } = ApplicantKinds.Citizen;
    public string ApplicantIdentity { get; set; } = "";
    public string ApplicantName { get; set; } = "";
    public DateOnly? ApplicantDateOfBirth { get; set; }
    public string? ApplicantAddress { get; set; }
    public string? ApplicantPhone { get; set; }
    public string? ApplicantEmail { get; set; }
    /// <summary>Identity checked against the national population database at intake.</summary>
    public bool ApplicantVerified { get; set; }

    /// <summary>
    /// Owning unit: the receiving unit, or its successor once a reorganisation handed the open dossier over (sáp xếp
    /// đơn vị hành chính). Set explicitly at intake.
    /// </summary>
    public Guid UnitId { get; set; }
    /// <summary>The unit that received the dossier; never changes (registers and KPIs "as was" count it there).</summary>
    public Guid ReceivingUnitId { get; set; }
    public string UnitPath { get; set; } = "";
    public string ReceivingAgencyCode { get; set; } = "";
    public string ReceivingUnitName { get; set; } = "";
    /// <summary>Competent (resolving) unit.</summary>
    public Guid ResolvingUnitId { get; set; }
    public string SharedUnitPath { get; set; } = "";
    public string ResolvingUnitName { get; set; } = "";
    /// <summary>The unit holding the dossier now.</summary>
    public Guid CurrentUnitId { get; set; }
    public string CurrentUnitName { get; set; } = "";
    /// <summary>User name of the specialist handling it (chuyên viên thụ lý), when assigned.</summary>
    public string? AssignedTo { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>How <see cref="DueAt"/> was computed, one step a line (Vietnamese).</summary>
    public string DueExplanation { get; set; } = "";
    /// <summary>Set while the clock is stopped (supplement or financial obligation awaited).</summary>
    public DateTimeOffset? ClockStoppedSince { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public string RequestedReturnMethod { get; set; } = ReturnMethods.Desk;
    public string? ReturnMethod { get; set; }
    public string? ResultSummary { get; set; }
    /// <summary>Reason of a refusal, withdrawal or stop.</summary>
    public string? ClosingReason { get; set; }
    public decimal? FinancialObligationVnd { get; set; }
    /// <summary>Phí, lệ phí of the procedure for the dossier's channel, copied from the catalogue at intake (0: none).</summary>
    public decimal? FeeVnd { get; set; }
    /// <summary>How the fees or the financial obligation were paid (one of <see cref="PaymentMethods"/>); null while unpaid or unknown.</summary>
    public string? PaymentMethod { get; set; }
    public Guid? TicketId { get; set; }
    public string? Note { get; set; }
    /// <summary>Tờ khai điện tử: the e-form of the procedure version as filled at intake (a JSON object checked against its schema); null when the version has none.</summary>
    public string? FormData { get; set; }

    public List<DossierComponent> Components { get; set; } = [];
    public List<DossierClockStop> ClockStops { get; set; } = [];
    public List<DossierExtension> Extensions { get; set; } = [];
    public List<DossierHandover> Handovers { get; set; } = [];
    public List<DossierHistoryEntry> History { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }

    public static readonly string[] Active =
        [DossierStatuses.Received, DossierStatuses.Processing, DossierStatuses.SupplementRequested, DossierStatuses.AwaitingFinancialObligation];

    public bool IsClockStopped => ClockStoppedSince is not null;

    /// <summary>Quá hạn: past due while still being handled and the clock running, or resolved after the due date.</summary>
    public bool IsOverdueAt(DateTimeOffset now) =>
        DueAt is { } due && ((Active.Contains(Status) && !IsClockStopped && now > due) || (ResolvedAt is { } r && r > due));

    /// <summary>Moves to <paramref name="to"/> if the lifecycle allows it from the current state, else throws.</summary>
    public string MoveTo(string to, string transition, string[] allowedFrom, DateTimeOffset at, string actor, string? reason)
    {
        if (!allowedFrom.Contains(Status))
        {
            throw new DossierStateException(Status, transition);
        }

        var from = Status;
        Status = to;
        History.Add(new DossierHistoryEntry { DossierId = Id, At = at, Transition = transition, FromStatus = from, ToStatus = to, Actor = actor, Reason = reason });
        return from;
    }

    public DossierHandover HandOver(string kind, string fromName, string toName, Guid? toUnitId, DateTimeOffset at, string actor, bool electronic, string? note)
    {
        var handover = new DossierHandover
        {
            DossierId = Id, Order = Handovers.Count + 1, Kind = kind, FromName = fromName, ToName = toName, ToUnitId = toUnitId,
            SentAt = at, SentBy = actor, Electronic = electronic, Note = note,
        };
        // The previous step ends when the next starts: that closes its line on the process-control sheet.
        if (Handovers.OrderBy(h => h.Order).LastOrDefault() is { ReceivedAt: null } previous)
        {
            previous.ReceivedAt = at;
        }

        Handovers.Add(handover);
        return handover;
    }

    public DossierSnapshot ToSnapshot(DateTimeOffset now) => new(
        Id, Code, ProcedureCode, ProcedureName, ProcedureField, Channel, Status, ApplicantKind, ApplicantIdentity, ApplicantName,
        ApplicantAddress, UnitId, UnitPath, ResolvingUnitId, SharedUnitPath, CurrentUnitId, SubmittedAt, ReceivedAt, DueAt,
        ResolvedAt, ReturnedAt, ReturnMethod, IsOverdueAt(now),
        Components.OrderBy(c => c.Order).Select(c => new DossierComponentInfo(c.Name, c.DocumentTypeCode, c.Source, c.ReusedDocumentId)).ToList(),
        TicketId, Version, ApplicantVerified);

    /// <summary>How many changes the dossier has published (<see cref="DossierSnapshot.Version"/>).</summary>
    public long Version { get; private set; }

    /// <summary>The event of a change just made, at the next version (published with the change, through the outbox).</summary>
    public DossierChanged Changed(string transition, string? fromStatus, string? reason, string actor, DateTimeOffset now)
    {
        Version++;
        return new DossierChanged(ToSnapshot(now), transition, fromStatus, reason, actor) { UnitPath = UnitPath };
    }

    /// <summary>The history line and event of a due date moved by a change of the working calendar (not a transition of state).</summary>
    public const string Rescheduled = "RESCHEDULED";

    /// <summary>
    /// Hạn giải quyết moved to <paramref name="newDue"/> because the working calendar changed (a day off added or
    /// removed, the unit's office hours): recorded in the history with <paramref name="reason"/>, and published so the
    /// applicant learns the new date (portal status sync, webhooks). The state does not change.
    /// </summary>
    public DossierChanged Reschedule(DateTimeOffset newDue, string reason, DateTimeOffset at, string actor)
    {
        DueAt = newDue;
        History.Add(new DossierHistoryEntry { DossierId = Id, At = at, Transition = Rescheduled, FromStatus = Status, ToStatus = Status, Actor = actor, Reason = reason });
        return Changed(Rescheduled, Status, reason, actor, at);
    }
}

/// <summary>A transition the current state does not allow.</summary>
internal sealed class DossierStateException : PlatformException
{
    // The labels are arguments, read in the reader's language when the message is shown.
    public DossierStateException(string status, string transition)
        : base(CountersErrorCodes.DossierTransitionNotAllowed, 409, CountersMessages.Transition(transition), CountersMessages.Status(status)) =>
        MessageCode = CountersMessages.TransitionNotAllowed;
}

/// <summary>Thành phần hồ sơ as received.</summary>
internal sealed class DossierComponent : Entity
{
    public Guid DossierId { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public string DocumentTypeCode { get; set; } = "";
    public bool Required { get; set; }
    public string Source { get; set; } = ComponentSources.Submitted;
    public Guid? ReusedDocumentId { get; set; }
    public int Copies { get; set; } = 1;
}

/// <summary>The clock stops from <see cref="From"/> until <see cref="To"/> (null while still stopped).</summary>
internal sealed class DossierClockStop : Entity
{
    public Guid DossierId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset? To { get; set; }
    /// <summary>Transition that stopped the clock (supplement or financial obligation).</summary>
    public string Cause { get; set; } = "";
    public string Reason { get; set; } = "";
}

/// <summary>Gia hạn thời gian giải quyết, always with a reason.</summary>
internal sealed class DossierExtension : Entity
{
    public Guid DossierId { get; set; }
    public decimal Value { get; set; }
    public string Unit { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
}

/// <summary>
/// One hand-over of the dossier (bàn giao): a line of the process-control sheet (Phiếu kiểm soát quá trình giải quyết
/// hồ sơ). <see cref="Electronic"/> counts toward the electronic-routing target (liên thông điện tử ≥ 80 %).
/// </summary>
internal sealed class DossierHandover : Entity
{
    public Guid DossierId { get; set; }
    public int Order { get; set; }
    /// <summary>One of <see cref="HandoverKinds"/>.</summary>
    public string Kind { get; set; } = "";
    public string FromName { get; set; } = "";
    public string ToName { get; set; } = "";
    public Guid? ToUnitId { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public string SentBy { get; set; } = "";
    /// <summary>When the next step took it over.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }
    public bool Electronic { get; set; }
    public string? Note { get; set; }
}

internal static class HandoverKinds
{
    public const string Reception = "RECEPTION";   // công dân → bộ phận một cửa
    public const string Assignment = "ASSIGNMENT"; // một cửa → chuyên viên
    public const string Routing = "ROUTING";       // liên thông giữa cơ quan, cấp
    public const string Result = "RESULT";         // kết quả về bộ phận trả kết quả
    public const string Return = "RETURN";         // trả cho công dân
}

internal sealed class DossierHistoryEntry : Entity
{
    public Guid DossierId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Transition { get; set; } = "";
    public string? FromStatus { get; set; }
    public string ToStatus { get; set; } = "";
    public string Actor { get; set; } = "";
    public string? Reason { get; set; }
}

/// <summary>
/// Running number of dossier codes per receiving agency per day. Incremented in the intake transaction with an upsert,
/// so the row lock serialises concurrent intakes and a rolled-back intake gives its number back: no gaps, no duplicates.
/// </summary>
[NotAudited]
internal sealed class DossierCodeCounter
{
    public string AgencyCode { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Last { get; set; }
}

/// <summary>
/// Mẫu 04: văn bản xin lỗi và hẹn lại ngày trả kết quả, drafted by the overdue job for the officer to issue.
/// </summary>
internal sealed class ApologyLetter : Entity, IUnitScoped, IHasAuditStamps
{
    public Guid DossierId { get; set; }
    public string DossierCode { get; set; } = "";
    public Guid UnitId { get; set; }
    public string UnitPath { get; set; } = "";
    public DateTimeOffset OriginalDueAt { get; set; }
    public DateTimeOffset ProposedDueAt { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset? IssuedAt { get; set; }
    public string? IssuedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }
}

internal static class DossierText
{
    public static string TransitionVi(string transition) => transition switch
    {
        DossierTransitions.Submitted => "Nộp hồ sơ",
        DossierTransitions.Received => "Tiếp nhận",
        DossierTransitions.Refused => "Từ chối tiếp nhận",
        DossierTransitions.Assigned => "Chuyển xử lý",
        DossierTransitions.Routed => "Luân chuyển liên thông",
        DossierTransitions.SupplementRequested => "Yêu cầu bổ sung",
        DossierTransitions.Supplemented => "Nhận bổ sung",
        DossierTransitions.FinancialObligationRequested => "Yêu cầu thực hiện nghĩa vụ tài chính",
        DossierTransitions.FinancialObligationMet => "Đã thực hiện nghĩa vụ tài chính",
        DossierTransitions.Extended => "Gia hạn",
        DossierTransitions.Withdrawn => "Rút hồ sơ",
        DossierTransitions.Stopped => "Dừng giải quyết",
        DossierTransitions.Resolved => "Phê duyệt kết quả",
        DossierTransitions.Returned => "Trả kết quả",
        DossierTransitions.HandedToSuccessor => "Chuyển đơn vị kế thừa (sắp xếp đơn vị hành chính)",
        _ => transition,
    };

    public static string ChannelVi(string channel) => channel switch
    {
        DossierChannels.Direct => "Trực tiếp",
        DossierChannels.Online => "Trực tuyến",
        DossierChannels.Postal => "Bưu chính công ích",
        _ => channel,
    };

    public static string ReturnMethodVi(string? method) => method switch
    {
        ReturnMethods.Desk => "Tại Bộ phận Một cửa",
        ReturnMethods.Postal => "Qua bưu chính công ích",
        ReturnMethods.Electronic => "Bản điện tử",
        null => "",
        _ => method,
    };
}
