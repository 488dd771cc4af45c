using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Web;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// Hạn giải quyết of a dossier: the legal time copied at reception walked over the working calendar and the receiving
/// unit's office hours, minus closed clock stops, plus extensions. Recomputed on every event that moves it, with the
/// explanation kept on the dossier.
/// </summary>
internal sealed class DossierClock(IWorkingCalendar workingCalendar)
{
    private (WorkingCalendar Calendar, Guid UnitId, OfficeHours Hours)? _prepared;

    /// <summary>
    /// Reads the calendar and the unit's hours now, before the caller opens a transaction: the calendar lives in the
    /// kernel's tables (another connection), and intake holds its code counter locked for the rest of the request, so
    /// fifty parallel intakes would otherwise each wait for a second pooled connection while holding the first.
    /// </summary>
    public async Task PrepareAsync(Guid unitId, CancellationToken ct)
    {
        var (calendar, hours) = await workingCalendar.ForUnitAsync(unitId, ct);
        _prepared = (calendar, unitId, hours);
    }

    /// <summary>
    /// The clock of one step (its own budget in working hours from its start, over the receiving unit's calendar and
    /// hours); clock stops are not subtracted per step — the dossier's due date accounts for them.
    /// </summary>
    public async Task<StepClock> StepClockAsync(Guid unitId, CancellationToken ct)
    {
        var (calendar, hours) = await CalendarAsync(unitId, ct);
        // The due time alone: the working-minute index, no explanation to build (ADR 0040).
        var index = calendar.IndexFor(hours);
        return (start, budgetHours) =>
        {
            try
            {
                var due = index.DueAt(new DueDateInput(VietnamTime.ToLocal(start), new LegalTime(budgetHours, LegalTimeUnits.WorkingHour)));
                return VietnamTime.FromLocal(due).ToUniversalTime();
            }
            catch (CalendarNotCoveredException)
            {
                return null; // a step past the calendar's last year has no due time rather than a guessed one
            }
        };
    }

    /// <summary>The calendar and the unit's hours: those read by <see cref="PrepareAsync"/> for that unit, else read now.</summary>
    private async Task<(WorkingCalendar Calendar, OfficeHours Hours)> CalendarAsync(Guid unitId, CancellationToken ct) =>
        _prepared is { } p && p.UnitId == unitId
            ? (p.Calendar, p.Hours)
            : await workingCalendar.ForUnitAsync(unitId, ct);

    public async Task RecomputeAsync(Dossier dossier, CancellationToken ct)
    {
        if (dossier.ReceivedAt is not { } receivedAt)
        {
            return;
        }

        // The receiving unit's hours, even when the competent unit elsewhere is the one acting now.
        var (calendar, hours) = await CalendarAsync(dossier.UnitId, ct);
        var stops = dossier.ClockStops.Where(s => s.To is not null).OrderBy(s => s.From)
            .Select(s => new ClockStop(VietnamTime.ToLocal(s.From), VietnamTime.ToLocal(s.To!.Value))).ToList();
        var extensions = dossier.Extensions.OrderBy(e => e.At).Select(e => new Extension(new LegalTime(e.Value, e.Unit), e.Reason)).ToList();
        // A year without calendar data throws CalendarNotCoveredException: a 422 with its code, never a guessed date.
        var result = DueDateCalculator.Compute(calendar, hours, new DueDateInput(
            VietnamTime.ToLocal(receivedAt), new LegalTime(dossier.LegalTimeValue, dossier.LegalTimeUnit), stops, extensions));

        // PostgreSQL stores instants in UTC (timestamptz accepts offset 0 only).
        dossier.DueAt = VietnamTime.FromLocal(result.DueAt).ToUniversalTime();
        dossier.DueExplanation = string.Join('\n', result.Explanation);
    }
}
