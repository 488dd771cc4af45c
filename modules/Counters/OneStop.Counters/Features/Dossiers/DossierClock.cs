using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Calendar;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Features.Calendar;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// Hạn giải quyết of a dossier: the legal time copied at reception walked over the working calendar and the receiving
/// unit's office hours, minus closed clock stops, plus extensions. Recomputed on every event that moves it, with the
/// explanation kept on the dossier.
/// </summary>
internal sealed class DossierClock(CountersDbContext db)
{
    public async Task RecomputeAsync(Dossier dossier, CancellationToken ct)
    {
        if (dossier.ReceivedAt is not { } receivedAt)
        {
            return;
        }

        var calendar = await CalendarReader.CalendarAsync(db, ct);
        // The receiving unit's hours, even when the competent unit elsewhere is the one acting now.
        var row = await db.OfficeHours.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(h => h.UnitId == dossier.UnitId && !h.IsDeleted, ct);
        var hours = row?.ToOfficeHours() ?? Domain.Calendar.OfficeHours.Default;
        var stops = dossier.ClockStops.Where(s => s.To is not null).OrderBy(s => s.From)
            .Select(s => new ClockStop(DueDateCalculator.ToVietnamTime(s.From), DueDateCalculator.ToVietnamTime(s.To!.Value))).ToList();
        var extensions = dossier.Extensions.OrderBy(e => e.At).Select(e => new Extension(new LegalTime(e.Value, e.Unit), e.Reason)).ToList();
        DueDateResult result;
        try
        {
            result = DueDateCalculator.Compute(calendar, hours, new DueDateInput(
                DueDateCalculator.ToVietnamTime(receivedAt), new LegalTime(dossier.LegalTimeValue, dossier.LegalTimeUnit), stops, extensions));
        }
        catch (CalendarNotCoveredException e)
        {
            throw new PlatformException(CountersErrorCodes.CalendarNotCovered, e.Message, 422);
        }

        // PostgreSQL stores instants in UTC (timestamptz accepts offset 0 only).
        dossier.DueAt = DueDateCalculator.FromVietnamTime(result.DueAt).ToUniversalTime();
        dossier.DueExplanation = string.Join('\n', result.Explanation);
    }
}
