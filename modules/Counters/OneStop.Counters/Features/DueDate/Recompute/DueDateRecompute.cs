using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Calendar;
using OneStop.Platform.Domain;
using OneStop.Platform.Messaging;
using OneStop.Platform.Scoping;

namespace OneStop.Counters.Features.DueDate.Recompute;

/// <summary>
/// Tính lại hạn giải quyết after the working calendar changed (ADR 0040): every open dossier whose due date the change
/// can reach (due on or after the changed day; for office hours, every open dossier of the unit) is counted again over
/// the new calendar, as <see cref="Features.Dossiers.DossierClock"/> counts it — reception, legal time, closed clock
/// stops, extensions, the owning unit's hours — with the working-minute index, so the date alone costs well under a
/// microsecond. A dossier whose date moved gets <see cref="Dossier.Reschedule"/> (a history line, the explanation
/// rebuilt, an event that reaches the applicant through the portal); the others are not written. An idempotent
/// scanner of database state: a second run moves nothing.
/// </summary>
internal sealed class DueDateRecompute(CountersDbContext db, IWorkingCalendar workingCalendar, ICurrentScope scope, TimeProvider time,
    ILogger<DueDateRecompute> logger)
{
    /// <summary>Dossiers read per round trip; the moved ones of a batch are saved together with their events.</summary>
    public const int BatchSize = 5_000;

    /// <param name="fromDay">The first changed day, "yyyy-MM-dd" (null: every open dossier).</param>
    /// <param name="unitId">The unit whose office hours changed (null: every unit).</param>
    /// <param name="what">What changed, in Vietnamese, for the history line.</param>
    public async Task<DueDateRecomputeResult> RunAsync(string? fromDay, Guid? unitId, string what, CancellationToken ct)
    {
        // Every unit's dossiers, whoever enqueued the job.
        using var system = scope.Change(UnitScope.Unrestricted, null, "system");
        var calendar = await workingCalendar.LoadAsync(ct);
        var overrides = await workingCalendar.OfficeHoursOverridesAsync(ct);
        DateTimeOffset? since = DateOnly.TryParseExact(fromDay, "yyyy-MM-dd", out var day) && day > DateOnly.MinValue ? VietnamTime.StartOfDay(day) : null;
        var now = time.GetUtcNow();
        var (checkedCount, moved, notCovered) = (0, 0, 0);
        string? uncovered = null;
        Guid? last = null;
        while (true)
        {
            var query = db.Dossiers.AsNoTracking().Where(d => Dossier.Active.Contains(d.Status) && d.ReceivedAt != null && d.DueAt != null);
            if (unitId is { } u)
            {
                query = query.Where(d => d.UnitId == u);
            }

            if (since is { } s)
            {
                query = query.Where(d => d.DueAt >= s);
            }

            if (last is { } l)
            {
                query = query.Where(d => d.Id.CompareTo(l) > 0);
            }

            var batch = await query.OrderBy(d => d.Id).Take(BatchSize)
                .Select(d => new OpenDossier(d.Id, d.UnitId, d.ReceivedAt!.Value, d.DueAt!.Value, d.LegalTimeValue, d.LegalTimeUnit,
                    d.ClockStops.Where(c => c.To != null).Select(c => new StopRow(c.From, c.To!.Value)).ToList(),
                    d.Extensions.Select(e => new ExtensionRow(e.At, e.Value, e.Unit, e.Reason)).ToList()))
                .AsSplitQuery().ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            last = batch[^1].Id;
            checkedCount += batch.Count;
            var changes = new Dictionary<Guid, (DateTimeOffset Due, DueDateInput Input, OfficeHours Hours)>();
            foreach (var d in batch)
            {
                var hours = overrides.GetValueOrDefault(d.UnitId) ?? OfficeHours.Default;
                var input = d.Input();
                try
                {
                    var due = VietnamTime.FromLocal(calendar.IndexFor(hours).DueAt(input)).ToUniversalTime();
                    if (due != d.DueAt)
                    {
                        changes[d.Id] = (due, input, hours);
                    }
                }
                catch (CalendarNotCoveredException e)
                {
                    // A year without calendar data: the dossier keeps its date until an administrator enters the year
                    // (one warning a run says so, not one per dossier).
                    notCovered++;
                    uncovered ??= e.Message;
                }
            }

            if (changes.Count > 0)
            {
                var ids = changes.Keys.ToList();
                var dossiers = await db.Dossiers.Where(d => ids.Contains(d.Id)).Include(d => d.Components).AsSplitQuery().ToListAsync(ct);
                foreach (var dossier in dossiers)
                {
                    var (due, input, hours) = changes[dossier.Id];
                    var reason = $"{what}: hạn giải quyết {VietnamTime.Format(dossier.DueAt)} → {VietnamTime.Format(due)}";
                    db.Publish(dossier.Reschedule(due, reason, now, scope.ActorName));
                    // The explanation is built for the moved dossiers only, and kept with the date as intake keeps it.
                    dossier.DueExplanation = string.Join('\n', DueDateCalculator.Compute(calendar, hours, input).Explanation);
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                moved += dossiers.Count;
            }
        }

        if (uncovered is not null)
        {
            logger.LogWarning("{Count} open dossiers keep their due date: {Message}", notCovered, uncovered);
        }

        logger.LogInformation("Due dates recomputed after \"{What}\": {Checked} open dossiers checked, {Moved} moved, {NotCovered} outside the calendar",
            what, checkedCount, moved, notCovered);
        return new DueDateRecomputeResult(checkedCount, moved, notCovered);
    }

    private sealed record StopRow(DateTimeOffset From, DateTimeOffset To);

    private sealed record ExtensionRow(DateTimeOffset At, decimal Value, string Unit, string Reason);

    private sealed record OpenDossier(Guid Id, Guid UnitId, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, decimal LegalTimeValue, string LegalTimeUnit,
        List<StopRow> Stops, List<ExtensionRow> Extensions)
    {
        // As DossierClock builds it: closed stops by start, extensions by the time they were granted.
        public DueDateInput Input() => new(
            VietnamTime.ToLocal(ReceivedAt), new LegalTime(LegalTimeValue, LegalTimeUnit),
            Stops.Count == 0 ? null : Stops.OrderBy(s => s.From).Select(s => new ClockStop(VietnamTime.ToLocal(s.From), VietnamTime.ToLocal(s.To))).ToList(),
            Extensions.Count == 0 ? null : Extensions.OrderBy(e => e.At).Select(e => new Extension(new LegalTime(e.Value, e.Unit), e.Reason)).ToList());
    }
}
