using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Kpis;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Evaluation.Tests;

/// <summary>
/// Months, quarters and years summed from day partials (ADR 0045): after a full recompute, a few dossiers change — new
/// ones received on a later day, an old one given a financial obligation (which moves its reception day's online-payment
/// denominator), one is routed to the city — and a complaint arrives; the incremental run, which recomputes only the changed
/// days (of the changed units only, where the calculator can name them: ADR 0055) and re-sums the periods above them, leaves
/// exactly the snapshots a full recompute then writes. On PostgreSQL and SQLite.
/// </summary>
public abstract class KpiDayRollUpTests<TFactory>(TFactory fx) where TFactory : OneStopFactory
{
    private const string Desk = "motcua.camthuong";       // Phường Cẩm Thượng (10507)
    private const string WardLeader = "lanhdao.camthuong";

    private static object BirthRegistration(string identity) => new
    {
        procedureCode = "1.001193",
        applicant = new { kind = "CITIZEN", identity, name = "Nguyễn Văn An", dateOfBirth = "1990-05-12", address = "Phường Cẩm Thượng", phone = "0912345678" },
        components = new[] { new { documentTypeCode = "HT-TK-KS" }, new { documentTypeCode = "YT-GCS" }, new { documentTypeCode = "CD-CCCD" } },
    };

    private async Task<Guid> IntakeAsync(int month, int day, string identity)
    {
        fx.Clock.SetVietnamTime(2025, month, day, 9);
        var desk = await fx.SignInAsync(Desk);
        var response = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", BirthRegistration(identity));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetGuid();
    }

    private Task<KpiRunResult> FullAsync() =>
        fx.AsSystemAsync(sp => sp.GetRequiredService<KpiEngine>().RecomputeYearAsync(2025, CancellationToken.None));

    private Task<List<string>> SnapshotsAsync() => fx.AsSystemAsync(async sp =>
    {
        var rows = await sp.GetRequiredService<EvaluationDbContext>().Snapshots.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.PeriodStart >= new DateOnly(2025, 1, 1) && s.PeriodStart < new DateOnly(2026, 1, 1))
            .Select(s => new { s.KpiCode, s.PeriodKey, s.UnitId, s.Structure, s.Numerator, s.Denominator, s.Value, s.Target, s.Met, s.Points })
            .ToListAsync();
        // Compared as text: decimals print the same whichever database read them (SQLite keeps them as text).
        return rows.Select(s => $"{s.KpiCode} {s.PeriodKey} {s.UnitId} {s.Structure} {s.Numerator:0.00} {s.Denominator:0.00} {s.Value:0.00} {s.Target:0.00} {s.Met} {s.Points:0.00}")
            .Order(StringComparer.Ordinal).ToList();
    });

    private Task AddComplaintAsync(string code, int month, int day) => fx.AsSystemAsync(async sp =>
    {
        var unit = await sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.SingleAsync(u => u.Code == "10507");
        var db = sp.GetRequiredService<EvaluationDbContext>();
        var at = new DateTimeOffset(2025, month, day, 10, 0, 0, TimeSpan.FromHours(7));
        db.Complaints.Add(new Complaint(code, "DIRECT", "Thái độ tiếp nhận", "Thử nghiệm", "Trần Thị Bình", null, null, at.ToUniversalTime(), at.AddYears(2).ToUniversalTime())
            { UnitId = unit.Id, UnitPath = unit.Path });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task An_incremental_run_after_a_few_dossiers_change_leaves_the_snapshots_of_a_full_recompute()
    {
        try
        {
            var early = await IntakeAsync(3, 10, "030090001234");
            await IntakeAsync(3, 10, "030090001235");
            var april = await IntakeAsync(4, 15, "030090001236");
            await AddComplaintAsync("PAKN-T-1", 3, 11);
            fx.Clock.SetVietnamTime(2025, 6, 1, 20);
            var full = await FullAsync();
            full.Calculators!.ShouldContain(c => c.Calculator == "DossierKpiCalculator" && c.FromDays);
            full.Calculators!.ShouldContain(c => c.Calculator == "ComplaintCalculator" && c.FromDays);
            full.Calculators!.ShouldContain(c => c.Calculator == "DigitizationKpiCalculator" && c.FromDays); // its flows (ADR 0055)
            full.Calculators!.ShouldContain(c => c.Calculator == "DigitizationStockKpiCalculator" && !c.FromDays); // stocks at the period's end
            var before = await SnapshotsAsync();

            // The changes: two dossiers received on 2 June, a financial obligation on one of 10 March, the one of 15 April
            // routed to the city (liên thông), a complaint.
            var since = fx.Clock.GetUtcNow();
            await IntakeAsync(6, 2, "030090001237");
            await IntakeAsync(6, 2, "030090001238");
            fx.Clock.SetVietnamTime(2025, 6, 2, 10);
            var leader = await fx.SignInAsync(WardLeader);
            (await leader.PostAsJsonAsync($"/api/v1/counters/dossiers/{early}/assign", new { assignee = Desk })).EnsureSuccessStatusCode();
            (await leader.PostAsJsonAsync($"/api/v1/counters/dossiers/{early}/request-financial-obligation", new { amountVnd = 150_000, reason = "Lệ phí" }))
                .EnsureSuccessStatusCode();
            var city = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.IgnoreQueryFilters()
                .Where(u => u.Code == "288").Select(u => u.Id).SingleAsync());
            (await (await fx.SignInAsync(Desk)).PostAsJsonAsync($"/api/v1/counters/dossiers/{april}/route", new { toUnitId = city, electronic = true, note = "Chuyển UBND thành phố" }))
                .EnsureSuccessStatusCode();
            await AddComplaintAsync("PAKN-T-2", 6, 2);

            // Counters names the changed units' days (ADR 0055): the ward's 2 June and 10 March; the routed dossier's day
            // is counted whole, as the calculator does not keep the unit a dossier left.
            var ward = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.IgnoreQueryFilters()
                .Where(u => u.Code == "10507").Select(u => u.Id).SingleAsync());
            var changes = await fx.AsSystemAsync(sp => sp.GetServices<OneStop.Platform.Kpis.IKpiCalculator>().Single(c => c.GetType().Name == "DossierKpiCalculator")
                .ChangedUnitDaysAsync(since));
            changes.ShouldNotBeNull();
            changes.UnitDays.ShouldContain(new OneStop.Platform.Kpis.KpiUnitDay(ward, new DateOnly(2025, 6, 2)));
            changes.UnitDays.ShouldContain(new OneStop.Platform.Kpis.KpiUnitDay(ward, new DateOnly(2025, 3, 10)));
            changes.UnitDays.ShouldNotContain(u => u.Day == new DateOnly(2025, 4, 15));
            changes.WholeDays.ShouldBe([new DateOnly(2025, 4, 15)]);

            fx.Clock.SetVietnamTime(2025, 6, 2, 11);
            var incremental = await fx.AsSystemAsync(sp => sp.GetRequiredService<KpiEngine>().RunIncrementalAsync(CancellationToken.None));
            incremental.Calculators!.ShouldContain(c => c.Calculator == "DossierKpiCalculator" && c.FromDays);
            var afterIncremental = await SnapshotsAsync();
            await FullAsync();
            var afterFull = await SnapshotsAsync();

            afterIncremental.ShouldBe(afterFull);
            afterIncremental.ShouldNotBe(before); // the changes did change figures: the comparison is not of two unchanged sets
            // Payment online: 10 March now has a dossier with a financial obligation, so March, Q1 and the year count it.
            foreach (var period in new[] { "2025-03", "2025-Q1", "2025" })
            {
                afterFull.ShouldContain(s => s.StartsWith($"{KpiCodes.I766OnlinePayment} {period} ", StringComparison.Ordinal), period);
                before.ShouldNotContain(s => s.StartsWith($"{KpiCodes.I766OnlinePayment} {period} ", StringComparison.Ordinal), period);
            }

            // The partials hold days, not periods: 10 March's online share at the ward is its two dossiers.
            var partials = await fx.AsSystemAsync(sp => sp.GetRequiredService<EvaluationDbContext>().DayPartials.AsNoTracking()
                .Where(p => p.KpiCode == KpiCodes.OnlineShare && p.Day == new DateOnly(2025, 3, 10)).ToListAsync());
            partials.Sum(p => p.Denominator).ShouldBe(2m);
        }
        finally
        {
            fx.Clock.Reset();
        }
    }
}

public sealed class PostgreSqlKpiDayRollUpTests(OneStopFactory factory) : KpiDayRollUpTests<OneStopFactory>(factory), IClassFixture<OneStopFactory>;

public sealed class SqliteKpiDayRollUpTests(SqliteOneStopFactory factory) : KpiDayRollUpTests<SqliteOneStopFactory>(factory), IClassFixture<SqliteOneStopFactory>;
