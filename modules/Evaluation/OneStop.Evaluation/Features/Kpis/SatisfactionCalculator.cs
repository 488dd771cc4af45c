using Microsoft.EntityFrameworkCore;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.Kpis;
using OneStop.Platform.Persistence;
using OneStop.Platform.Domain;

namespace OneStop.Evaluation.Features.Kpis;

/// <summary>
/// Satisfaction KPIs over the ratings (phiếu đánh giá) of every channel, by the rating's time and the rated desk's unit.
/// A rating's channel is where the applicant gave it (ADR 0031): an officer's "online" form is paper.
/// </summary>
internal sealed class SatisfactionCalculator(EvaluationDbContext db) : IKpiCalculator
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    public IReadOnlyCollection<string> KpiCodes { get; } = [Contracts.KpiCodes.Satisfaction, Contracts.KpiCodes.I766DossierSatisfaction, Contracts.KpiCodes.SatisfactionCriteria];

    public Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, CancellationToken ct = default) =>
        KpiDays.PeriodAsync(period, (start, end, days) => CountAsync(start, end, days, ct));

    /// <summary>A month's days in one query on PostgreSQL, grouped by rating day as well (ADR 0053); SQLite asks each day.</summary>
    public Task<IReadOnlyList<KpiDayRows>> ComputeDaysAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        KpiDays.DaysAsync(this, db.Database.IsNpgsql(), from, to, (start, end, days) => CountAsync(start, end, days, ct), ct);

    /// <param name="days">Tag each row with its rating day counted from this instant; null: one period, day 0.</param>
    private async Task<IEnumerable<(int Day, KpiRow Row)>> CountAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset? days, CancellationToken ct)
    {
        var ratings = db.Ratings.IgnoreQueryFilters(Scope).AsNoTracking().Where(r => r.RatedAt >= from && r.RatedAt < to);
        var groups = await (days is { } origin
                ? ratings.GroupBy(r => new UnitDay { UnitId = r.UnitId, UnitPath = r.UnitPath, Day = (r.RatedAt - origin).Days })
                : ratings.GroupBy(r => new UnitDay { UnitId = r.UnitId, UnitPath = r.UnitPath, Day = 0 }))
            .Select(g => new
            {
                g.Key, Count = g.Count(),
                Positive = g.Count(r => r.Overall == OverallRatings.VerySatisfied || r.Overall == OverallRatings.Satisfied),
                Points = g.Sum(r => r.Points),
            })
            .ToListAsync(ct);
        return groups.SelectMany(g => new[]
        {
            (g.Key.Day, new KpiRow(Contracts.KpiCodes.Satisfaction, g.Key.UnitId, g.Key.UnitPath, g.Positive, g.Count)),
            (g.Key.Day, new KpiRow(Contracts.KpiCodes.I766DossierSatisfaction, g.Key.UnitId, g.Key.UnitPath, g.Positive, g.Count)),
            (g.Key.Day, new KpiRow(Contracts.KpiCodes.SatisfactionCriteria, g.Key.UnitId, g.Key.UnitPath, g.Points, 18m * g.Count)),
        });
    }

    public async Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default) =>
        (await db.Ratings.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(r => r.CreatedAt >= since || r.ModifiedAt >= since).Select(r => r.RatedAt).ToListAsync(ct))
        .Select(LocalDay).ToHashSet();

    public async Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default)
    {
        var (from, to) = (period.StartsAt, period.EndsAt);
        return await db.Ratings.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(r => r.RatedAt >= from && r.RatedAt < to && r.UnitPath.StartsWith(unitPath))
            .OrderBy(r => r.Overall == OverallRatings.Dissatisfied ? 0 : 1).ThenByDescending(r => r.RatedAt).Take(take)
            .Select(r => new KpiDetailRow(r.Id, r.DossierCode, r.Overall + " · " + r.Points + "/18 · " + r.Channel, r.UnitPath, r.RatedAt,
                r.Overall != OverallRatings.Dissatisfied, r.Comment, null))
            .ToListAsync(ct);
    }

    internal static DateOnly LocalDay(DateTimeOffset t) => VietnamTime.DayOf(t);
}

/// <summary>
/// Complaint KPIs of the 766 index: handled on time (on time + still open within the deadline, of those received in
/// the period) and satisfaction with the answer (of those answered in the period with the applicant's view).
/// </summary>
internal sealed class ComplaintCalculator(EvaluationDbContext db, TimeProvider clock) : IKpiCalculator
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    public IReadOnlyCollection<string> KpiCodes { get; } = [Contracts.KpiCodes.I766ComplaintsOnTime, Contracts.KpiCodes.I766ComplaintSatisfaction];

    public Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period, CancellationToken ct = default) =>
        KpiDays.PeriodAsync(period, (start, end, days) => CountAsync(start, end, days, ct));

    /// <summary>A month's days in two queries on PostgreSQL, grouped by reception or answer day as well (ADR 0053); SQLite asks each day.</summary>
    public Task<IReadOnlyList<KpiDayRows>> ComputeDaysAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        KpiDays.DaysAsync(this, db.Database.IsNpgsql(), from, to, (start, end, days) => CountAsync(start, end, days, ct), ct);

    /// <param name="days">Tag each row with its day counted from this instant; null: one period, day 0.</param>
    private async Task<IEnumerable<(int Day, KpiRow Row)>> CountAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset? days, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var complaints = db.Complaints.IgnoreQueryFilters(Scope).AsNoTracking();
        var receivedIn = complaints.Where(c => c.ReceivedAt >= from && c.ReceivedAt < to);
        var received = await (days is { } origin
                ? receivedIn.GroupBy(c => new UnitDay { UnitId = c.UnitId, UnitPath = c.UnitPath, Day = (c.ReceivedAt - origin).Days })
                : receivedIn.GroupBy(c => new UnitDay { UnitId = c.UnitId, UnitPath = c.UnitPath, Day = 0 }))
            .Select(g => new { g.Key, Count = g.Count(), OnTime = g.Count(c => c.ResolvedAt != null ? c.ResolvedAt <= c.DueAt : c.DueAt >= now) })
            .ToListAsync(ct);
        var answeredIn = complaints.Where(c => c.ResolvedAt >= from && c.ResolvedAt < to && c.ApplicantSatisfied != null);
        var answered = await (days is { } start
                ? answeredIn.GroupBy(c => new UnitDay { UnitId = c.UnitId, UnitPath = c.UnitPath, Day = (c.ResolvedAt!.Value - start).Days })
                : answeredIn.GroupBy(c => new UnitDay { UnitId = c.UnitId, UnitPath = c.UnitPath, Day = 0 }))
            .Select(g => new { g.Key, Count = g.Count(), Satisfied = g.Count(c => c.ApplicantSatisfied == true) })
            .ToListAsync(ct);
        return received.Select(g => (g.Key.Day, new KpiRow(Contracts.KpiCodes.I766ComplaintsOnTime, g.Key.UnitId, g.Key.UnitPath, g.OnTime, g.Count)))
            .Concat(answered.Select(g => (g.Key.Day, new KpiRow(Contracts.KpiCodes.I766ComplaintSatisfaction, g.Key.UnitId, g.Key.UnitPath, g.Satisfied, g.Count))));
    }

    public async Task<IReadOnlyCollection<DateOnly>> ChangedDaysAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var changed = await db.Complaints.IgnoreQueryFilters(Scope).AsNoTracking()
            // An open complaint whose deadline passed since the last run changes "on time" without being written.
            .Where(c => c.CreatedAt >= since || c.ModifiedAt >= since || (c.ResolvedAt == null && c.DueAt >= since && c.DueAt < now))
            .Select(c => new { c.ReceivedAt, c.ResolvedAt }).ToListAsync(ct);
        return changed.SelectMany(c => c.ResolvedAt is { } r ? new[] { c.ReceivedAt, r } : [c.ReceivedAt])
            .Select(SatisfactionCalculator.LocalDay).ToHashSet();
    }

    public async Task<IReadOnlyList<KpiDetailRow>> DetailsAsync(string kpiCode, KpiPeriod period, string unitPath, int take, CancellationToken ct = default)
    {
        var (from, to, now) = (period.StartsAt, period.EndsAt, clock.GetUtcNow());
        var q = db.Complaints.IgnoreQueryFilters(Scope).AsNoTracking().Where(c => c.UnitPath.StartsWith(unitPath));
        if (kpiCode == Contracts.KpiCodes.I766ComplaintSatisfaction)
        {
            return await q.Where(c => c.ResolvedAt >= from && c.ResolvedAt < to && c.ApplicantSatisfied != null)
                .OrderBy(c => c.ApplicantSatisfied == true ? 1 : 0).ThenByDescending(c => c.ResolvedAt).Take(take)
                .Select(c => new KpiDetailRow(c.Id, c.Code, c.Subject, c.UnitPath, c.ResolvedAt, c.ApplicantSatisfied == true, c.Outcome, "/Evaluation/Complaints?code=" + c.Code))
                .ToListAsync(ct);
        }

        return await q.Where(c => c.ReceivedAt >= from && c.ReceivedAt < to)
            .Select(c => new { c, Counted = c.ResolvedAt != null ? c.ResolvedAt <= c.DueAt : c.DueAt >= now })
            .OrderBy(x => x.Counted ? 1 : 0).ThenByDescending(x => x.c.ReceivedAt).Take(take)
            .Select(x => new KpiDetailRow(x.c.Id, x.c.Code, x.c.Subject, x.c.UnitPath, x.c.ReceivedAt, x.Counted, x.c.Outcome, "/Evaluation/Complaints?code=" + x.c.Code))
            .ToListAsync(ct);
    }
}
