using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Platform.Calendar;
using OneStop.Platform.Persistence;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Web;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Messaging;
using OneStop.Platform.Scoping;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// The use cases of a dossier's lifecycle, one method each, shared by the API and the pages: loads the dossier in the
/// caller's scope, gathers what the transition needs (units, eligible people, the calendar), calls the one
/// <see cref="Dossier"/> method that makes the change, and saves it with the <see cref="DossierChanged"/> event (same
/// transaction, through the outbox).
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
            .Include(d => d.Components).Include(d => d.ClockStops).Include(d => d.Extensions).Include(d => d.Handovers).Include(d => d.History).Include(d => d.Steps)
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

    // --- transitions (one per row of DossierLifecycle; the aggregate checks and makes each change) ---

    public async Task ReceiveAsync(Dossier d, CancellationToken ct) => await ReceiveAsync(d, await PrepareReceptionAsync(d, ct), ct);

    /// <summary>
    /// What reception reads — the legal time and the internal process in force on the day, the agencies' names, the
    /// step clock — read before any transaction opens, so the running numbers' row locks are held only for the writes.
    /// </summary>
    public Task<Reception> PrepareReceptionAsync(Dossier d, CancellationToken ct) => PrepareReceptionAsync(d, null, ct);

    /// <param name="procedure">The dossier's procedure with its legal times, versions and steps, when the caller has just
    /// read it (intake); else it is read here.</param>
    public async Task<Reception> PrepareReceptionAsync(Dossier d, Procedure? procedure, CancellationToken ct)
    {
        var day = VietnamTime.DayOf(Now);
        // The legal time and the internal process in force on the day of reception apply (a catalogue change moves only later dossiers).
        procedure ??= await db.Procedures.AsNoTracking().Include(p => p.LegalTimes).Include(p => p.Versions).Include(p => p.Steps).AsSplitQuery().FirstAsync(p => p.Id == d.ProcedureId, ct);
        IntakeHandler.ApplyLegalTime(d, procedure, VietnamTime.ToLocal(Now));
        var approved = procedure.StepsOn(day);
        var agencies = new Dictionary<string, string?>();
        foreach (var code in approved.Select(s => s.AgencyCode).OfType<string>().Distinct())
        {
            agencies[code] = (await units.AgencyAsync(code, ct))?.Name;
        }

        var plan = InternalProcess.Plan(approved, new LegalTime(d.LegalTimeValue, d.LegalTimeUnit), c => agencies.GetValueOrDefault(c));
        return new Reception(day, plan, await clock.StepClockAsync(d.UnitId, ct));
    }

    /// <summary>Receives with what <see cref="PrepareReceptionAsync"/> read: only the register's number and the writes remain.</summary>
    public async Task ReceiveAsync(Dossier d, Reception reception, CancellationToken ct)
    {
        // The register's number and the dossier commit together (intake at the desk has its transaction open already).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var line = reception.RegisterLine ?? await RunningNumbers.NextAsync<DossierRegisterCounter>(db, [d.ReceivingUnitId, reception.Day.Year], ct);
        var from = d.Receive(reception.Plan, line, reception.StepClock, Now, Actor);
        await clock.RecomputeAsync(d, ct);
        await SaveAsync(d, DossierTransitions.Received, from, null, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    public Task RefuseAsync(Dossier d, string reason, CancellationToken ct) =>
        SaveAsync(d, DossierTransitions.Refused, d.Refuse(reason, Now, Actor), reason, ct);

    public async Task AssignAsync(Dossier d, string assignee, string? note, CancellationToken ct)
    {
        assignee = await assignees.EnsureEligibleAsync(d, assignee, ct); // a person of the unit holding it, who processes dossiers
        await trainingGate.EnsureTrainedAsync(d, assignee, ct); // optional: Counters:TrainingGate:Enabled
        await SaveAsync(d, DossierTransitions.Assigned, d.Assign(assignee, note, Now, Actor), note, ct);
    }

    /// <summary>Liên thông to another unit; <paramref name="electronic"/> is what the officer recorded (paper stays outside the target).</summary>
    public async Task RouteAsync(Dossier d, Guid toUnitId, bool electronic, string? note, CancellationToken ct)
    {
        var target = await UnitAsync(toUnitId, ct);
        if (target.Id == d.CurrentUnitId)
        {
            throw new PlatformException(CountersErrorCodes.RoutingTargetInvalid, 400) { MessageCode = CountersMessages.RouteTargetIsCurrent };
        }

        await SaveAsync(d, DossierTransitions.Routed, d.Route(target.Id, target.Name, target.Path, electronic, note, Now, Actor), note, ct);
    }

    /// <summary>Trình: the specialist proposes a result; the next step of the internal process opens.</summary>
    public async Task ProposeAsync(Dossier d, string draftResult, bool electronic, CancellationToken ct) =>
        await SaveAsync(d, DossierTransitions.Proposed, d.Propose(draftResult, electronic, await clock.StepClockAsync(d.UnitId, ct), Now, Actor), draftResult, ct);

    /// <summary>The agency whose step is open sends the dossier on (only an officer of that agency may).</summary>
    public async Task CompleteAgencyStepAsync(Dossier d, string? note, bool electronic, CancellationToken ct) =>
        await SaveAsync(d, DossierTransitions.AgencyStepCompleted,
            d.CompleteAgencyStep(scope.Unit.AgencyCode, note, electronic, await clock.StepClockAsync(d.UnitId, ct), Now, Actor), note, ct);

    public async Task ApproveAsync(Dossier d, string? note, CancellationToken ct) =>
        await SaveAsync(d, DossierTransitions.Resolved, d.Approve(note, await clock.StepClockAsync(d.UnitId, ct), Now, Actor), d.ResultSummary, ct);

    public async Task SendBackAsync(Dossier d, string reason, CancellationToken ct) =>
        await SaveAsync(d, DossierTransitions.ProposalReturned, d.SendBack(reason, await clock.StepClockAsync(d.UnitId, ct), Now, Actor), reason, ct);

    /// <summary>Mẫu 02: the clock stops until the applicant supplements.</summary>
    public Task RequestSupplementAsync(Dossier d, string reason, CancellationToken ct) => RequestSupplementAsync(d, reason, null, ct);

    /// <summary>
    /// Mẫu 02 naming the procedure's components asked for (document-type codes, checked against the dossier's procedure:
    /// an unknown one refuses the request before anything changes); they go with the event to the portals.
    /// </summary>
    public async Task RequestSupplementAsync(Dossier d, string reason, IEnumerable<string>? componentsAsked, CancellationToken ct)
    {
        var asked = await SupplementComponents.CheckAsync(db, d, componentsAsked, ct);
        var from = d.RequestSupplement(reason, Now, Actor, asked);
        db.Publish(d.Changed(DossierTransitions.SupplementRequested, from, reason, Actor, Now) with { ComponentsAsked = asked.Count == 0 ? null : asked });
        await db.SaveChangesAsync(ct);
    }

    public async Task SupplementAsync(Dossier d, string? note, CancellationToken ct)
    {
        var from = d.Supplement(note, Now, Actor);
        await clock.RecomputeAsync(d, ct);
        await SaveAsync(d, DossierTransitions.Supplemented, from, note, ct);
    }

    public Task RequestFinancialObligationAsync(Dossier d, decimal amountVnd, string reason, CancellationToken ct) =>
        SaveAsync(d, DossierTransitions.FinancialObligationRequested, d.RequestFinancialObligation(amountVnd, reason, Now, Actor), reason, ct);

    public async Task FinancialObligationMetAsync(Dossier d, string? paymentMethod, CancellationToken ct)
    {
        var from = d.FinancialObligationMet(paymentMethod, Now, Actor);
        await clock.RecomputeAsync(d, ct);
        await SaveAsync(d, DossierTransitions.FinancialObligationMet, from, null, ct);
    }

    public async Task ExtendAsync(Dossier d, decimal value, string unit, string reason, CancellationToken ct)
    {
        d.Extend(value, unit, reason, Now, Actor);
        await clock.RecomputeAsync(d, ct);
        await SaveAsync(d, DossierTransitions.Extended, d.Status, reason, ct);
    }

    public Task WithdrawAsync(Dossier d, string reason, CancellationToken ct) =>
        SaveAsync(d, DossierTransitions.Withdrawn, d.Withdraw(reason, Now, Actor), reason, ct);

    public Task StopAsync(Dossier d, string reason, CancellationToken ct) =>
        SaveAsync(d, DossierTransitions.Stopped, d.Stop(reason, Now, Actor), reason, ct);

    /// <summary>Ký duyệt: the result goes back to the receiving desk (trả kết quả tại nơi tiếp nhận).</summary>
    public async Task ResolveAsync(Dossier d, string resultSummary, CancellationToken ct) =>
        await SaveAsync(d, DossierTransitions.Resolved, d.Resolve(resultSummary, await clock.StepClockAsync(d.UnitId, ct), Now, Actor), resultSummary, ct);

    public Task ReturnAsync(Dossier d, string method, string? note, CancellationToken ct) =>
        SaveAsync(d, DossierTransitions.Returned, d.Return(method, note, Now, Actor), note, ct);
}
