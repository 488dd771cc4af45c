using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Domain;
using OneStop.Platform.Messaging;
using OneStop.Counters.Contracts;

namespace OneStop.Counters.Features.Dossiers.Overdue;

internal sealed record OverdueScanResult(int Late, int DueSoon, int Drafted);

/// <summary>
/// Quét hồ sơ quá hạn: counts the late and the due-soon dossiers (<see cref="DossierQueries.DueSoonWindow"/>) and drafts a
/// Mẫu 04 (apology with a new date) for every late dossier that has no pending draft. An idempotent scanner of database
/// state: a second run finds the pending drafts and adds nothing. Runs unrestricted as a recurring job; each draft
/// belongs to the dossier's receiving unit, which returns results and speaks to the applicant.
/// </summary>
internal sealed class OverdueScanner(CountersDbContext db, IWorkingCalendar calendar, TimeProvider time, ILogger<OverdueScanner> logger)
{
    public const string JobId = "counters-overdue-scan";

    public async Task<OverdueScanResult> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var late = await DossierQueries.OverdueAt(db.Dossiers, now)
            .Where(d => !db.ApologyLetters.Any(a => a.DossierId == d.Id && a.IssuedAt == null))
            .OrderBy(d => d.DueAt).ToListAsync(ct);
        var soonLimit = now + DossierQueries.DueSoonWindow;
        var dueSoon = await db.Dossiers.CountAsync(d => Dossier.Active.Contains(d.Status) && d.ClockStoppedSince == null
            && d.DueAt != null && d.DueAt >= now && d.DueAt <= soonLimit, ct);
        var lateTotal = await DossierQueries.OverdueAt(db.Dossiers, now).CountAsync(ct);
        if (late.Count == 0)
        {
            return new(lateTotal, dueSoon, 0);
        }

        var planner = await NewDatePlanner.LoadAsync(calendar, ct);
        var drafted = 0;
        foreach (var d in late)
        {
            DateTimeOffset proposed;
            try
            {
                proposed = planner.Propose(d, now);
            }
            catch (CalendarNotCoveredException e)
            {
                // No calendar for the year yet: an administrator must enter it; the other dossiers still get drafts.
                logger.LogWarning("Overdue dossier {Code}: {Message}", d.Code, e.Message);
                continue;
            }

            drafted++;
            var letter = new ApologyLetter
            {
                DossierId = d.Id, DossierCode = d.Code, UnitId = d.UnitId, UnitPath = d.UnitPath,
                OriginalDueAt = d.DueAt!.Value, ProposedDueAt = proposed,
                Reason = $"Hồ sơ quá hạn giải quyết (hạn {Forms.FormLayout.Short(d.DueAt)}), đang được xử lý tại {d.CurrentUnitName}.",
            };
            // The applicant is told once per missed due date, with the draft and in its transaction (outbox): a letter
            // issued without an extension is drafted again by the next scan, but its due date was told already.
            if (!await db.ApologyLetters.AnyAsync(a => a.DossierId == d.Id && a.OriginalDueAt == letter.OriginalDueAt, ct))
            {
                db.Publish(new DossierOverdue(d.Id, d.Code, d.ProcedureName, d.ApplicantIdentity, d.ApplicantName, d.ReceivingUnitId, d.UnitPath,
                    letter.OriginalDueAt, proposed, letter.Reason) { UnitPath = d.UnitPath });
            }

            db.ApologyLetters.Add(letter);
        }

        await db.SaveChangesAsync(ct);
        return new(lateTotal, dueSoon, drafted);
    }
}

/// <summary>
/// Ngày hẹn mới for a late dossier: now plus the legal time still owed, walked over the working calendar and the
/// receiving unit's office hours with the <see cref="DueDateCalculator"/>. A late dossier has none left, so it gets at
/// least one working day (or its whole legal time, if shorter); the officer may change the date before issuing.
/// </summary>
internal sealed class NewDatePlanner(WorkingCalendar calendar, IReadOnlyDictionary<Guid, OfficeHours> hoursByUnit)
{
    // The receiving unit's hours (as DossierClock uses), whoever runs the scan.
    public static async Task<NewDatePlanner> LoadAsync(IWorkingCalendar calendar, CancellationToken ct) =>
        new(await calendar.LoadAsync(ct), await calendar.OfficeHoursOverridesAsync(ct));

    public OfficeHours HoursOf(Guid unitId) => hoursByUnit.GetValueOrDefault(unitId, OfficeHours.Default);

    public DateTimeOffset Propose(Dossier d, DateTimeOffset now)
    {
        var hours = HoursOf(d.UnitId);
        var nowLocal = VietnamTime.ToLocal(now);
        var remaining = d.DueAt is { } due && due > now ? WorkingTime.Between(calendar, hours, nowLocal, VietnamTime.ToLocal(due)) : TimeSpan.Zero;
        var legal = LegalTimeUnits.All.Contains(d.LegalTimeUnit) ? new LegalTime(d.LegalTimeValue, d.LegalTimeUnit).WorkingTime : TimeSpan.Zero;
        var floor = legal > TimeSpan.Zero && legal < OfficeHours.WorkingDay ? legal : OfficeHours.WorkingDay;
        var owed = remaining > floor ? remaining : floor;
        var result = DueDateCalculator.Compute(calendar, hours, new DueDateInput(nowLocal, new LegalTime((decimal)owed.TotalHours, LegalTimeUnits.WorkingHour)));
        return VietnamTime.FromLocal(result.DueAt).ToUniversalTime();
    }

    /// <summary>The extension (in working hours) that moves the due date from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public decimal ExtensionHours(Guid unitId, DateTimeOffset from, DateTimeOffset to)
    {
        var span = WorkingTime.Between(calendar, HoursOf(unitId), VietnamTime.ToLocal(from), VietnamTime.ToLocal(to));
        // Hundredths of an hour (the stored precision), rounded up so the new due date is not before the one promised.
        return Math.Ceiling((decimal)span.TotalHours * 100m) / 100m;
    }
}
