using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Web;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Messaging;
using OneStop.Platform.Scoping;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// Loads a dossier in the caller's scope, applies a transition and saves it together with its history line and the
/// <see cref="DossierChanged"/> event (same transaction, through the outbox).
/// </summary>
internal sealed class DossierWorkflow(CountersDbContext db, DossierClock clock, ICurrentScope scope, IAdministrativeUnitDirectory units, TimeProvider time, TrainingGate trainingGate,
    DossierAssignees assignees)
{
    /// <summary>Reads what the due date needs before a transaction opens (see <see cref="DossierClock.PrepareAsync"/>).</summary>
    public Task PrepareClockAsync(Guid unitId, CancellationToken ct) => clock.PrepareAsync(unitId, ct);

    public DateTimeOffset Now => time.GetUtcNow();

    public string Actor => scope.ActorName;

    public async Task<Dossier> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Dossiers
            .Include(d => d.Components).Include(d => d.ClockStops).Include(d => d.Extensions).Include(d => d.Handovers).Include(d => d.History)
            .AsSplitQuery()
            .FirstOrDefaultAsync(d => d.Id == id, ct)
        ?? throw new PlatformException(CountersErrorCodes.DossierNotFound, 404);

    /// <summary>Saves the change and publishes it.</summary>
    public async Task SaveAsync(Dossier dossier, string transition, string? fromStatus, string? reason, CancellationToken ct)
    {
        db.Publish(dossier.Changed(transition, fromStatus, reason, Actor, Now));
        await db.SaveChangesAsync(ct);
    }

    public string ActingUnitName => scope.Unit.Name;

    public async Task<AdministrativeUnitInfo> UnitAsync(Guid id, CancellationToken ct) =>
        await units.FindAsync(id, ct) ?? throw new PlatformException(CountersErrorCodes.RoutingTargetInvalid, 400) { MessageCode = CountersMessages.RouteTargetNotFound };

    // --- transitions (trạng thái theo DOMAIN.md) ---

    public async Task ReceiveAsync(Dossier d, CancellationToken ct)
    {
        var from = d.MoveTo(DossierStatuses.Received, DossierTransitions.Received, [DossierStatuses.New], Now, Actor, null);
        d.ReceivedAt = Now;
        // The legal time in force on the day of reception applies (a catalogue change moves only later dossiers).
        var procedure = await db.Procedures.AsNoTracking().Include(p => p.LegalTimes).Include(p => p.Versions).AsSplitQuery().FirstAsync(p => p.Id == d.ProcedureId, ct);
        IntakeHandler.ApplyLegalTime(d, procedure, VietnamTime.ToLocal(Now));
        d.HandOver(HandoverKinds.Reception, d.ApplicantName, "Bộ phận Một cửa " + d.ReceivingUnitName, d.UnitId, Now, Actor, d.Channel != DossierChannels.Direct, null);
        await clock.RecomputeAsync(d, ct);
        await SaveAsync(d, DossierTransitions.Received, from, null, ct);
    }

    public Task RefuseAsync(Dossier d, string reason, CancellationToken ct)
    {
        var from = d.MoveTo(DossierStatuses.Refused, DossierTransitions.Refused, [DossierStatuses.New, DossierStatuses.Received], Now, Actor, reason);
        d.ClosingReason = reason;
        return SaveAsync(d, DossierTransitions.Refused, from, reason, ct);
    }

    public async Task AssignAsync(Dossier d, string assignee, string? note, CancellationToken ct)
    {
        assignee = await assignees.EnsureEligibleAsync(d, assignee, ct); // a person of the unit holding it, who processes dossiers
        await trainingGate.EnsureTrainedAsync(d, assignee, ct); // optional: Counters:TrainingGate:Enabled
        var from = d.MoveTo(DossierStatuses.Processing, DossierTransitions.Assigned, [DossierStatuses.Received, DossierStatuses.Processing], Now, Actor, note);
        d.AssignedTo = assignee;
        d.HandOver(HandoverKinds.Assignment, Actor, DossierPeople.SpecialistPrefix + assignee, d.CurrentUnitId, Now, Actor, true, note);
        await SaveAsync(d, DossierTransitions.Assigned, from, note, ct);
    }

    /// <summary>
    /// Liên thông: hand the dossier to another unit (a level up or down, or the competent unit of a location-independent
    /// dossier). A unit outside both branches the dossier is shared with becomes its competent unit, so it can see it.
    /// </summary>
    public async Task RouteAsync(Dossier d, Guid toUnitId, bool electronic, string? note, CancellationToken ct)
    {
        var target = await UnitAsync(toUnitId, ct);
        if (target.Id == d.CurrentUnitId)
        {
            throw new PlatformException(CountersErrorCodes.RoutingTargetInvalid, 400) { MessageCode = CountersMessages.RouteTargetIsCurrent };
        }

        var related = target.Path.StartsWith(d.UnitPath, StringComparison.Ordinal) || d.UnitPath.StartsWith(target.Path, StringComparison.Ordinal)
            || target.Path.StartsWith(d.SharedUnitPath, StringComparison.Ordinal) || d.SharedUnitPath.StartsWith(target.Path, StringComparison.Ordinal);
        if (!related)
        {
            d.ResolvingUnitId = target.Id;
            d.SharedUnitPath = target.Path;
            d.ResolvingUnitName = target.Name;
        }

        var from = d.MoveTo(DossierStatuses.Processing, DossierTransitions.Routed, [DossierStatuses.Received, DossierStatuses.Processing], Now, Actor, note);
        d.HandOver(HandoverKinds.Routing, d.CurrentUnitName, target.Name, target.Id, Now, Actor, electronic, note);
        d.CurrentUnitId = target.Id;
        d.CurrentUnitName = target.Name;
        d.AssignedTo = null;
        await SaveAsync(d, DossierTransitions.Routed, from, note, ct);
    }

    /// <summary>Mẫu 02: the clock stops until the applicant supplements.</summary>
    public Task RequestSupplementAsync(Dossier d, string reason, CancellationToken ct)
    {
        var from = d.MoveTo(DossierStatuses.SupplementRequested, DossierTransitions.SupplementRequested, [DossierStatuses.Received, DossierStatuses.Processing], Now, Actor, reason);
        StopClock(d, DossierTransitions.SupplementRequested, reason);
        return SaveAsync(d, DossierTransitions.SupplementRequested, from, reason, ct);
    }

    public async Task SupplementAsync(Dossier d, string? note, CancellationToken ct)
    {
        var from = d.MoveTo(DossierStatuses.Processing, DossierTransitions.Supplemented, [DossierStatuses.SupplementRequested], Now, Actor, note);
        await ResumeClockAsync(d, ct);
        await SaveAsync(d, DossierTransitions.Supplemented, from, note, ct);
    }

    /// <summary>The applicant's time to pay fees and taxes is not the administration's: the clock stops meanwhile.</summary>
    public Task RequestFinancialObligationAsync(Dossier d, decimal amountVnd, string reason, CancellationToken ct)
    {
        var from = d.MoveTo(DossierStatuses.AwaitingFinancialObligation, DossierTransitions.FinancialObligationRequested, [DossierStatuses.Processing], Now, Actor, reason);
        d.FinancialObligationVnd = amountVnd;
        StopClock(d, DossierTransitions.FinancialObligationRequested, reason);
        return SaveAsync(d, DossierTransitions.FinancialObligationRequested, from, reason, ct);
    }

    /// <summary>Paid: the clock runs again; how it was paid counts toward online payment (Decision 766, indicator 4.1).</summary>
    public async Task FinancialObligationMetAsync(Dossier d, string? paymentMethod, CancellationToken ct)
    {
        var from = d.MoveTo(DossierStatuses.Processing, DossierTransitions.FinancialObligationMet, [DossierStatuses.AwaitingFinancialObligation], Now, Actor, null);
        d.PaymentMethod = paymentMethod ?? PaymentMethods.Desk;
        await ResumeClockAsync(d, ct);
        await SaveAsync(d, DossierTransitions.FinancialObligationMet, from, null, ct);
    }

    public async Task ExtendAsync(Dossier d, decimal value, string unit, string reason, CancellationToken ct)
    {
        if (!Dossier.Active.Contains(d.Status))
        {
            throw new DossierStateException(d.Status, DossierTransitions.Extended);
        }

        d.Extensions.Add(new DossierExtension { DossierId = d.Id, Value = value, Unit = unit, Reason = reason, At = Now, By = Actor });
        d.History.Add(new DossierHistoryEntry { DossierId = d.Id, At = Now, Transition = DossierTransitions.Extended, FromStatus = d.Status, ToStatus = d.Status, Actor = Actor, Reason = reason });
        await clock.RecomputeAsync(d, ct);
        await SaveAsync(d, DossierTransitions.Extended, d.Status, reason, ct);
    }

    public Task WithdrawAsync(Dossier d, string reason, CancellationToken ct)
    {
        var from = d.MoveTo(DossierStatuses.Withdrawn, DossierTransitions.Withdrawn, [DossierStatuses.New, .. Dossier.Active], Now, Actor, reason);
        d.ClosingReason = reason;
        CloseOpenStop(d);
        return SaveAsync(d, DossierTransitions.Withdrawn, from, reason, ct);
    }

    public Task StopAsync(Dossier d, string reason, CancellationToken ct)
    {
        var from = d.MoveTo(DossierStatuses.Stopped, DossierTransitions.Stopped, Dossier.Active, Now, Actor, reason);
        d.ClosingReason = reason;
        CloseOpenStop(d);
        return SaveAsync(d, DossierTransitions.Stopped, from, reason, ct);
    }

    /// <summary>Ký duyệt: the result goes back to the receiving desk (trả kết quả tại nơi tiếp nhận).</summary>
    public Task ResolveAsync(Dossier d, string resultSummary, CancellationToken ct)
    {
        var from = d.MoveTo(DossierStatuses.Resolved, DossierTransitions.Resolved, [DossierStatuses.Received, DossierStatuses.Processing], Now, Actor, resultSummary);
        d.ResolvedAt = Now;
        d.ResultSummary = resultSummary;
        d.HandOver(HandoverKinds.Result, d.CurrentUnitName, "Bộ phận Một cửa " + d.ReceivingUnitName, d.UnitId, Now, Actor, true, resultSummary);
        d.CurrentUnitId = d.UnitId;
        d.CurrentUnitName = d.ReceivingUnitName;
        return SaveAsync(d, DossierTransitions.Resolved, from, resultSummary, ct);
    }

    public Task ReturnAsync(Dossier d, string method, string? note, CancellationToken ct)
    {
        var from = d.MoveTo(DossierStatuses.Returned, DossierTransitions.Returned, [DossierStatuses.Resolved], Now, Actor, note);
        d.ReturnedAt = Now;
        d.ReturnMethod = method;
        var handover = d.HandOver(HandoverKinds.Return, "Bộ phận Một cửa " + d.ReceivingUnitName, d.ApplicantName, null, Now, Actor, method == ReturnMethods.Electronic, note);
        handover.ReceivedAt = Now;
        return SaveAsync(d, DossierTransitions.Returned, from, note, ct);
    }

    private void StopClock(Dossier d, string cause, string reason)
    {
        d.ClockStoppedSince = Now;
        d.ClockStops.Add(new DossierClockStop { DossierId = d.Id, From = Now, Cause = cause, Reason = reason });
    }

    private async Task ResumeClockAsync(Dossier d, CancellationToken ct)
    {
        CloseOpenStop(d);
        await clock.RecomputeAsync(d, ct);
    }

    private void CloseOpenStop(Dossier d)
    {
        foreach (var open in d.ClockStops.Where(s => s.To is null))
        {
            open.To = Now;
        }

        d.ClockStoppedSince = null;
    }
}
