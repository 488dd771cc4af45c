using System.Text.Json;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Features;
using OneStop.Platform;
using OneStop.Platform.Domain;
using OneStop.Platform.Web;

namespace OneStop.Counters.Domain.Dossiers;

/// <summary>
/// Hồ sơ thủ tục hành chính. Owned by the receiving unit (<see cref="UnitPath"/>) and shared with the competent unit
/// (<see cref="SharedUnitPath"/>): a location-independent dossier is seen by exactly those two branches of the tree.
/// The aggregate owns every change of its status: each transition is a method here, checked against the one table
/// <see cref="DossierLifecycle"/>; handlers load, call one method, save (ADR 0036).
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
    public string Status { get; private set; } = DossierStatuses.New;
    /// <summary>The status, or for a dossier being processed where its open step is (<see cref="DossierStages"/>).</summary>
    public string Stage { get; private set; } = DossierStatuses.New;

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

    /// <summary>
    /// Số thứ tự in the receiving unit's Sổ theo dõi hồ sơ of the reception year (quyển số = năm), given at reception
    /// with no gaps: the receipt prints it and the register numbers its lines with it. Null before reception and for
    /// dossiers received before the register was numbered.
    /// </summary>
    public int? RegisterNumber { get; private set; }

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
    /// <summary>The lines of the process-control sheet: the steps as taken, each with its own clock.</summary>
    public List<DossierStep> Steps { get; set; } = [];

    /// <summary>Quy trình nội bộ copied at reception (JSON of <see cref="PlannedStep"/>s); empty for dossiers received before processes existed.</summary>
    public string ProcessPlan { get; private set; } = "";
    /// <summary>The result the specialist proposed (dự thảo kết quả), awaiting the leader.</summary>
    public string? DraftResult { get; private set; }
    /// <summary>The agency whose step is open (liên thông), or null.</summary>
    public string? CurrentAgencyCode { get; private set; }
    /// <summary>
    /// Every agency that has a step of this dossier, or carried it by post, as "|CODE|CODE|": an officer of an agency
    /// sees the dossiers with a step at that agency only (scope by agency, ADR 0036).
    /// </summary>
    public string AgencyTrail { get; private set; } = "|";

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

    private static readonly JsonSerializerOptions PlanJson = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<PlannedStep> Plan => ProcessPlan.Length == 0 ? [] : JsonSerializer.Deserialize<List<PlannedStep>>(ProcessPlan, PlanJson) ?? [];

    /// <summary>The open line of the control sheet (the step the dossier is at), if any.</summary>
    public DossierStep? OpenStep => Steps.Where(s => s.IsOpen).OrderByDescending(s => s.Order).FirstOrDefault();

    /// <summary>Checks <paramref name="action"/> against the lifecycle table, moves the status and writes the history line.</summary>
    private string Apply(DossierAction action, DateTimeOffset at, string actor, string? reason)
    {
        if (!action.From.Contains(Stage))
        {
            throw new DossierStateException(Stage, action.Transition);
        }

        var from = Status;
        Status = action.To ?? Status;
        History.Add(new DossierHistoryEntry { DossierId = Id, At = at, Transition = action.Transition, FromStatus = from, ToStatus = Status, Actor = actor, Reason = reason });
        return from;
    }

    private void Settle() => Stage = Status != DossierStatuses.Processing ? Status : OpenStep?.Kind switch
    {
        ProcessStepKinds.Agency => DossierStages.AtAgency,
        ProcessStepKinds.Approval => DossierStages.AwaitingApproval,
        _ => Status,
    };

    // --- transitions (trạng thái theo DOMAIN.md; one method per row of DossierLifecycle) ---

    /// <summary>Nộp: the first history line, in status NEW.</summary>
    public void Submit(DateTimeOffset at, string actor) =>
        History.Add(new DossierHistoryEntry { DossierId = Id, At = at, Transition = DossierTransitions.Submitted, ToStatus = DossierStatuses.New, Actor = actor });

    /// <summary>Tiếp nhận: the internal process valid today is copied, its reception step closed and the next opened.</summary>
    public string Receive(IReadOnlyList<PlannedStep> plan, int registerNumber, StepClock clock, DateTimeOffset at, string actor)
    {
        var from = Apply(DossierLifecycle.Receive, at, actor, null);
        ReceivedAt = at;
        RegisterNumber = registerNumber;
        ProcessPlan = JsonSerializer.Serialize(plan, PlanJson);
        HandOver(HandoverKinds.Reception, ApplicantName, "Bộ phận Một cửa " + ReceivingUnitName, UnitId, at, actor, Channel != DossierChannels.Direct, null);
        if (plan.Count > 0)
        {
            StartStep(plan, 0, SubmittedAt, clock, electronic: Channel != DossierChannels.Direct, null);
            CompleteOpenStep(at, actor, DossierTransitions.Received, null);
            StartStep(plan, 1, at, clock, electronic: true, null);
        }

        Settle();
        return from;
    }

    /// <summary>Từ chối tiếp nhận (Mẫu 03): never a receipt with an appointment.</summary>
    public string Refuse(string reason, DateTimeOffset at, string actor)
    {
        var from = Apply(DossierLifecycle.Refuse, at, actor, reason);
        ClosingReason = reason;
        CompleteOpenStep(at, actor, DossierTransitions.Refused, reason);
        Settle();
        return from;
    }

    /// <summary>Giao xử lý to a person the caller has checked is eligible (DossierAssignees).</summary>
    public string Assign(string assignee, string? note, DateTimeOffset at, string actor)
    {
        var from = Apply(DossierLifecycle.Assign, at, actor, note);
        AssignedTo = assignee;
        HandOver(HandoverKinds.Assignment, actor, OneStop.Counters.Features.Dossiers.DossierPeople.SpecialistPrefix + assignee, CurrentUnitId, at, actor, true, note);
        Settle();
        return from;
    }

    /// <summary>
    /// Liên thông: hand the dossier to another unit (a level up or down, or the competent unit of a location-independent
    /// dossier). A unit outside both branches the dossier is shared with becomes its competent unit, so it can see it.
    /// <paramref name="electronic"/> is what the officer recorded: a hand-over on paper stays outside the target.
    /// </summary>
    public string Route(Guid toUnitId, string toUnitName, string toUnitPath, bool electronic, string? note, DateTimeOffset at, string actor)
    {
        var related = toUnitPath.StartsWith(UnitPath, StringComparison.Ordinal) || UnitPath.StartsWith(toUnitPath, StringComparison.Ordinal)
            || toUnitPath.StartsWith(SharedUnitPath, StringComparison.Ordinal) || SharedUnitPath.StartsWith(toUnitPath, StringComparison.Ordinal);
        var from = Apply(DossierLifecycle.Route, at, actor, note);
        if (!related)
        {
            ResolvingUnitId = toUnitId;
            SharedUnitPath = toUnitPath;
            ResolvingUnitName = toUnitName;
        }

        HandOver(HandoverKinds.Routing, CurrentUnitName, toUnitName, toUnitId, at, actor, electronic, note);
        CurrentUnitId = toUnitId;
        CurrentUnitName = toUnitName;
        AssignedTo = null;
        Settle();
        return from;
    }

    /// <summary>
    /// Trình: the specialist closes the processing step with a draft result; the next step of the process opens — another
    /// agency's (sent electronically or on paper, as recorded) or the leader's approval.
    /// </summary>
    public string Propose(string draftResult, bool electronic, StepClock clock, DateTimeOffset at, string actor)
    {
        var from = Apply(DossierLifecycle.Propose, at, actor, draftResult);
        DraftResult = draftResult;
        var closed = CompleteOpenStep(at, actor, DossierTransitions.Proposed, draftResult);
        OpenNext(closed, electronic, clock, at, actor, draftResult);
        Settle();
        return from;
    }

    /// <summary>The agency's officer closes its step (the tax notice issued, the opinion given); the next step opens.</summary>
    public string CompleteAgencyStep(string? actorAgencyCode, string? note, bool electronic, StepClock clock, DateTimeOffset at, string actor)
    {
        if (OpenStep is { AgencyCode: { } agency } && agency != actorAgencyCode)
        {
            throw new PlatformException(CountersErrorCodes.NotAtYourAgency, 403) { MessageCode = CountersMessages.StepOfAnotherAgency };
        }

        var from = Apply(DossierLifecycle.CompleteAgencyStep, at, actor, note);
        var closed = CompleteOpenStep(at, actor, DossierTransitions.AgencyStepCompleted, note);
        OpenNext(closed, electronic, clock, at, actor, note);
        Settle();
        return from;
    }

    /// <summary>Phê duyệt: the leader signs the proposed result; it goes to the receiving desk to be returned.</summary>
    public string Approve(string? note, StepClock clock, DateTimeOffset at, string actor)
    {
        var from = Apply(DossierLifecycle.Approve, at, actor, note);
        Resolved(DraftResult ?? note ?? "", clock, at, actor);
        return from;
    }

    /// <summary>The leader returns the proposal with a reason: the processing step opens again for the same specialist.</summary>
    public string SendBack(string reason, StepClock clock, DateTimeOffset at, string actor)
    {
        var from = Apply(DossierLifecycle.SendBack, at, actor, reason);
        CompleteOpenStep(at, actor, DossierTransitions.ProposalReturned, reason);
        var process = Steps.Where(s => s.Kind == ProcessStepKinds.Process).OrderByDescending(s => s.Order).FirstOrDefault();
        StartStep(Plan, process?.PlanIndex ?? -1, at, clock, electronic: true, reason);
        Settle();
        return from;
    }

    /// <summary>Ký duyệt without a proposal: the result goes back to the receiving desk (trả kết quả tại nơi tiếp nhận).</summary>
    public string Resolve(string resultSummary, StepClock clock, DateTimeOffset at, string actor)
    {
        var from = Apply(DossierLifecycle.Resolve, at, actor, resultSummary);
        Resolved(resultSummary, clock, at, actor);
        return from;
    }

    private void Resolved(string resultSummary, StepClock clock, DateTimeOffset at, string actor)
    {
        ResolvedAt = at;
        ResultSummary = resultSummary;
        HandOver(HandoverKinds.Result, CurrentUnitName, "Bộ phận Một cửa " + ReceivingUnitName, UnitId, at, actor, true, resultSummary);
        CurrentUnitId = UnitId;
        CurrentUnitName = ReceivingUnitName;
        CurrentAgencyCode = null;
        CompleteOpenStep(at, actor, DossierTransitions.Resolved, null);
        var plan = Plan;
        if (plan.Count > 0 && plan[^1].Kind == ProcessStepKinds.Return)
        {
            StartStep(plan, plan.Count - 1, at, clock, electronic: true, null);
        }

        Settle();
    }

    /// <summary>
    /// Mẫu 02: the clock stops until the applicant supplements; <paramref name="componentsAsked"/> are the document-type
    /// codes of the procedure's components the desk asks for (checked against the procedure by the caller).
    /// </summary>
    public string RequestSupplement(string reason, DateTimeOffset at, string actor, IReadOnlyList<string>? componentsAsked = null)
    {
        var from = Apply(DossierLifecycle.RequestSupplement, at, actor, reason);
        StopClock(DossierTransitions.SupplementRequested, reason, at);
        ClockStops[^1].ComponentsAsked = [.. componentsAsked ?? []];
        Settle();
        return from;
    }

    /// <summary>What the open supplement request asks for (document-type codes); empty when it named none or none is open.</summary>
    public IReadOnlyList<string> OpenSupplementComponents =>
        ClockStops.Where(s => s.To is null && s.Cause == DossierTransitions.SupplementRequested).OrderByDescending(s => s.From).Select(s => s.ComponentsAsked).FirstOrDefault() ?? [];

    /// <summary>Supplemented: the clock runs again (the caller recomputes the due date).</summary>
    public string Supplement(string? note, DateTimeOffset at, string actor)
    {
        var from = Apply(DossierLifecycle.Supplement, at, actor, note);
        CloseOpenStop(at);
        Settle();
        return from;
    }

    /// <summary>The applicant's time to pay fees and taxes is not the administration's: the clock stops meanwhile.</summary>
    public string RequestFinancialObligation(decimal amountVnd, string reason, DateTimeOffset at, string actor)
    {
        var from = Apply(DossierLifecycle.RequestFinancialObligation, at, actor, reason);
        FinancialObligationVnd = amountVnd;
        StopClock(DossierTransitions.FinancialObligationRequested, reason, at);
        Settle();
        return from;
    }

    /// <summary>Paid: the clock runs again; how it was paid counts toward online payment (Decision 766, indicator 4.1).</summary>
    public string FinancialObligationMet(string? paymentMethod, DateTimeOffset at, string actor)
    {
        var from = Apply(DossierLifecycle.FinancialObligationMet, at, actor, null);
        PaymentMethod = paymentMethod ?? PaymentMethods.Desk;
        CloseOpenStop(at);
        Settle();
        return from;
    }

    /// <summary>Gia hạn, always with a reason (the caller recomputes the due date).</summary>
    public void Extend(decimal value, string unit, string reason, DateTimeOffset at, string actor)
    {
        Apply(DossierLifecycle.Extend, at, actor, reason);
        Extensions.Add(new DossierExtension { DossierId = Id, Value = value, Unit = unit, Reason = reason, At = at, By = actor });
    }

    public string Withdraw(string reason, DateTimeOffset at, string actor) => Close(DossierLifecycle.Withdraw, reason, at, actor);

    public string Stop(string reason, DateTimeOffset at, string actor) => Close(DossierLifecycle.Stop, reason, at, actor);

    private string Close(DossierAction action, string reason, DateTimeOffset at, string actor)
    {
        var from = Apply(action, at, actor, reason);
        ClosingReason = reason;
        CloseOpenStop(at);
        CompleteOpenStep(at, actor, action.Transition, reason);
        CurrentAgencyCode = null;
        Settle();
        return from;
    }

    public string Return(string method, string? note, DateTimeOffset at, string actor)
    {
        var from = Apply(DossierLifecycle.Return, at, actor, note);
        ReturnedAt = at;
        ReturnMethod = method;
        var handover = HandOver(HandoverKinds.Return, "Bộ phận Một cửa " + ReceivingUnitName, ApplicantName, null, at, actor, method == ReturnMethods.Electronic, note);
        handover.ReceivedAt = at;
        CompleteOpenStep(at, actor, DossierTransitions.Returned, note);
        Settle();
        return from;
    }

    /// <summary>
    /// Sáp xếp đơn vị hành chính: the open dossier follows its unit to the successor; the status stays, the history says
    /// why.
    /// </summary>
    public void HandToSuccessor(Guid predecessorId, Guid targetId, string targetName, string targetPath, string why, DateTimeOffset at, string actor)
    {
        if (UnitId == predecessorId)
        {
            (UnitId, UnitPath) = (targetId, targetPath);
        }

        if (ResolvingUnitId == predecessorId)
        {
            (ResolvingUnitId, ResolvingUnitName, SharedUnitPath) = (targetId, targetName, targetPath);
        }

        if (CurrentUnitId == predecessorId)
        {
            (CurrentUnitId, CurrentUnitName) = (targetId, targetName);
        }

        History.Add(new DossierHistoryEntry
        {
            DossierId = Id, At = at, Transition = DossierTransitions.HandedToSuccessor, FromStatus = Status, ToStatus = Status, Actor = actor, Reason = why,
        });
    }

    /// <summary>The post office that carried it sees it from now on (scope by agency).</summary>
    public void CarriedBy(string postAgencyCode)
    {
        if (!AgencyTrail.Contains('|' + postAgencyCode + '|', StringComparison.Ordinal))
        {
            AgencyTrail += postAgencyCode + '|';
        }
    }

    private void OpenNext(DossierStep? closed, bool electronic, StepClock clock, DateTimeOffset at, string actor, string? note)
    {
        var plan = Plan;
        var next = closed is { PlanIndex: >= 0 } c && c.PlanIndex + 1 < plan.Count ? c.PlanIndex + 1 : -1;
        // A dossier received before processes existed goes straight to the leader.
        var kind = next >= 0 ? plan[next].Kind : ProcessStepKinds.Approval;
        var line = StartStep(plan, next, at, clock, electronic, note);
        if (kind == ProcessStepKinds.Agency || closed?.Kind == ProcessStepKinds.Agency)
        {
            // Liên thông with another agency, there and back: counted by the electronic-routing target as recorded.
            HandOver(HandoverKinds.Routing, closed?.Performer ?? CurrentUnitName, line.Performer, CurrentUnitId, at, actor, electronic, note);
        }
    }

    /// <param name="plan">The dossier's <see cref="Plan"/>, read once by the caller (it is stored as JSON).</param>
    private DossierStep StartStep(IReadOnlyList<PlannedStep> plan, int planIndex, DateTimeOffset at, StepClock clock, bool electronic, string? note)
    {
        var planned = planIndex >= 0 && planIndex < plan.Count ? plan[planIndex] : new PlannedStep("Phê duyệt, ký kết quả", ProcessStepKinds.Approval, null, null, 0);
        var line = new DossierStep
        {
            DossierId = Id, Order = Steps.Count + 1, PlanIndex = planIndex, Name = planned.Name, Kind = planned.Kind, AgencyCode = planned.AgencyCode,
            Performer = PerformerOf(planned), BudgetHours = planned.BudgetHours, StartedAt = at,
            DueAt = planned.BudgetHours > 0 ? clock(at, planned.BudgetHours) : null, Electronic = electronic, Note = note,
        };
        Steps.Add(line);
        CurrentAgencyCode = planned.AgencyCode;
        if (planned.AgencyCode is { } code && !AgencyTrail.Contains('|' + code + '|', StringComparison.Ordinal))
        {
            AgencyTrail += code + '|';
        }

        return line;
    }

    private string PerformerOf(PlannedStep step) => step.Kind switch
    {
        _ when step.AgencyName is { } agency => agency,
        ProcessStepKinds.Reception or ProcessStepKinds.Return => "Bộ phận Một cửa " + ReceivingUnitName,
        ProcessStepKinds.Approval => "Lãnh đạo " + CurrentUnitName,
        _ => "Chuyên viên " + CurrentUnitName,
    };

    private DossierStep? CompleteOpenStep(DateTimeOffset at, string actor, string outcome, string? note)
    {
        if (OpenStep is not { } open)
        {
            return null;
        }

        open.CompletedAt = at;
        open.CompletedBy = actor;
        open.Outcome = outcome;
        open.Note ??= note;
        return open;
    }

    private void StopClock(string cause, string reason, DateTimeOffset at)
    {
        ClockStoppedSince = at;
        ClockStops.Add(new DossierClockStop { DossierId = Id, From = at, Cause = cause, Reason = reason });
    }

    private void CloseOpenStop(DateTimeOffset at)
    {
        foreach (var open in ClockStops.Where(s => s.To is null))
        {
            open.To = at;
        }

        ClockStoppedSince = null;
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
    /// <summary>Thành phần hồ sơ cần bổ sung: document-type codes of the procedure's components, for a supplement request.</summary>
    public List<string> ComponentsAsked { get; set; } = [];
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
        Dossier.Rescheduled => "Tính lại hạn giải quyết (lịch làm việc thay đổi)",
        DossierTransitions.Proposed => "Trình kết quả",
        DossierTransitions.AgencyStepCompleted => "Cơ quan phối hợp chuyển tiếp",
        DossierTransitions.ProposalReturned => "Trả lại để xử lý lại",
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
