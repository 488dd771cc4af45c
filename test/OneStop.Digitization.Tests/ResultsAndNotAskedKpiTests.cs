using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Features.Kpi;
using OneStop.Digitization.Features.Results;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.Domain;
using OneStop.Platform.Kpis;
using OneStop.Platform.TestKit;
using static OneStop.Digitization.Tests.TestFiles;

namespace OneStop.Digitization.Tests;

/// <summary>
/// The two KPIs of ADR 0030 on datasets built by hand from the plan's wording, not from the product's SQL:
/// "kết quả giải quyết TTHC còn hiệu lực được số hóa" is the stock of results valid at the period's end, at the
/// competent unit that issued them, resolved dossiers' and old results from the back-file alike, a result expired
/// before the period's end counting in neither figure; "không phải cung cấp lại" counts, of the components required,
/// those the applicant did not hand in because the system held them, the identity document of an applicant verified
/// in the population database included.
/// </summary>
public abstract class ResultsAndNotAskedKpiTests<TFactory>(TFactory fx) where TFactory : OneStopFactory
{
    /// <summary>Both of the module's calculators: the flows (not asked again) and the stocks (results digitised), ADR 0055.</summary>
    private Task<IReadOnlyList<KpiRow>> ComputeAsync(KpiPeriod period) =>
        fx.AsSystemAsync(async sp =>
        {
            var rows = new List<KpiRow>();
            foreach (var calculator in sp.GetServices<IKpiCalculator>().Where(c => c is DigitizationKpiCalculator or DigitizationStockKpiCalculator))
            {
                rows.AddRange(await calculator.ComputeAsync(period));
            }

            return (IReadOnlyList<KpiRow>)rows;
        });

    [Fact]
    public async Task Results_digitised_is_the_stock_valid_at_the_periods_end_with_back_file_results_counted_and_expired_ones_out_of_both()
    {
        var ward = await UnitAsync(fx, "10507");
        var officer = await fx.SignInAsync("motcua.camthuong");
        var now = fx.Clock.GetUtcNow();
        var today = VietnamTime.Today(fx.Clock);
        var month = KpiPeriod.ForMonth(today.Year, today.Month);
        var previous = KpiPeriod.ForMonth(month.Start.AddMonths(-1).Year, month.Start.AddMonths(-1).Month);

        // D1: resolved on the 10th of last month, its result digitised now (this month).
        var resolvedLastMonth = VietnamTime.StartOfDay(previous.Start.AddDays(9)).AddHours(3);
        var d1 = Dossier(ward, "MC10507-KQ-0001", DossierStatuses.Processing, [], resolvedAt: null, receivedAt: resolvedLastMonth.AddDays(-5));
        await PublishAndRelayAsync(fx, Changed(d1, DossierTransitions.Received));
        var d1Resolved = d1 with { Status = DossierStatuses.Resolved, ResolvedAt = resolvedLastMonth, Version = 2 };
        await PublishAndRelayAsync(fx, Changed(d1Resolved, DossierTransitions.Resolved));
        await PublishAndRelayAsync(fx, Changed(d1Resolved, DossierTransitions.Resolved)); // redelivered: still one line
        var item = (await officer.GetFromJsonAsync<JsonElement>($"{Api}/scan-queue?pageSize=200")).GetProperty("items").EnumerateArray()
            .Single(q => q.GetProperty("dossierId").GetGuid() == d1.Id && q.GetProperty("kind").GetString() == "RESULT");
        await UploadAsync(officer, Pdf("Giấy khai sinh"), "kq.pdf", new() { ["queueItemId"] = item.GetProperty("id").GetString()! });

        // D2: resolved now, its result still on paper.
        var d2 = Dossier(ward, "MC10507-KQ-0002", DossierStatuses.Resolved, [], resolvedAt: now, receivedAt: now.AddMinutes(-30));
        await PublishAndRelayAsync(fx, Changed(d2, DossierTransitions.Resolved));

        // B1: an old result from the back-file, issued in 2019, no expiry, digitised now.
        await UploadAsync(officer, Pdf("Giấy chứng nhận cũ"), "cu.pdf", BackFile("2019-04-01", validUntil: null));
        // B2: an old result issued in 2020, valid until the first day of this month: valid at last month's end, expired before this month's.
        await UploadAsync(officer, Pdf("Giấy phép cũ"), "cu2.pdf", BackFile("2020-01-02", validUntil: month.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        // This month: D1, D2, B1 valid (B2 expired); D1 and B1 digitised.
        var rows = await ComputeAsync(month);
        var row = rows.Single(r => r.KpiCode == DigitizationKpiCodes.ResultsDigitised && r.UnitId == ward.Id);
        (row.Numerator, row.Denominator).ShouldBe((2m, 3m));
        // Last month, as of its end: D1, B1, B2 valid (D2 not issued yet); none digitised yet.
        var before = (await ComputeAsync(previous)).Single(r => r.KpiCode == DigitizationKpiCodes.ResultsDigitised && r.UnitId == ward.Id);
        (before.Numerator, before.Denominator).ShouldBe((0m, 3m));

        // The register by competent level, valid on this month's last day: three commune results, two digitised.
        var register = await officer.GetFromJsonAsync<JsonElement>($"{Api}/results?validOn={month.End.AddDays(-1):yyyy-MM-dd}");
        var commune = register.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "commune");
        (commune.GetProperty("valid").GetInt32(), commune.GetProperty("digitised").GetInt32()).ShouldBe((3, 2));
        register.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("source").GetString() == "BACK_FILE").ShouldBe(1);
        register.GetProperty("items").EnumerateArray().First().GetProperty("digitisedAt").ValueKind.ShouldBe(JsonValueKind.Null); // still on paper first
        (await officer.GetStringAsync("/Digitization/Results")).ShouldContain("Sổ kết quả giải quyết còn hiệu lực");
        // A sibling ward's desk sees none of them.
        var sibling = await (await fx.SignInAsync("motcua.binhhan")).GetFromJsonAsync<JsonElement>($"{Api}/results?validOn={month.End.AddDays(-1):yyyy-MM-dd}");
        sibling.GetProperty("total").GetInt32().ShouldBe(0);

        // The drill-down lists the valid results, the one on paper first.
        var details = await fx.AsSystemAsync(sp => sp.GetServices<IKpiCalculator>().OfType<DigitizationStockKpiCalculator>().Single()
            .DetailsAsync(DigitizationKpiCodes.ResultsDigitised, month, ward.Path, 10));
        details.Count.ShouldBe(3);
        details[0].Counted.ShouldBeFalse();
        details[0].Code.ShouldBe("MC10507-KQ-0002");
    }

    [Fact]
    public async Task An_old_result_dated_in_the_future_or_naming_a_unit_outside_the_scope_is_refused_and_nothing_is_stored()
    {
        var officer = await fx.SignInAsync("motcua.camthuong");
        var tomorrow = VietnamTime.Today(fx.Clock).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var before = (await officer.GetFromJsonAsync<JsonElement>($"{Api}/documents?pageSize=200")).GetProperty("items").GetArrayLength();

        using var future = await officer.PostAsync($"{Api}/documents", Form(Pdf(), "kq.pdf", BackFile(tomorrow, null)));
        future.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(DigitizationErrorCodes.ResultIssuedInFuture);

        var province = BackFile("2018-05-05", null);
        province["issuingUnitCode"] = "30"; // the province: above a ward's desk
        using var outside = await officer.PostAsync($"{Api}/documents", Form(Pdf(), "kq.pdf", province));
        outside.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await outside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(DigitizationErrorCodes.IssuingUnitNotFound);

        (await officer.GetFromJsonAsync<JsonElement>($"{Api}/documents?pageSize=200")).GetProperty("items").GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task Not_asked_again_counts_components_the_system_held_including_the_identity_document_prefilled_from_the_population_database()
    {
        var ward = await UnitAsync(fx, "10510");
        var now = fx.Clock.GetUtcNow();
        var today = VietnamTime.Today(fx.Clock);
        var month = KpiPeriod.ForMonth(today.Year, today.Month);

        // A verified applicant: identity document prefilled (not handed in), one component reused, one handed in — 2 of 3.
        var verified = Dossier(ward, "MC10510-KL-0001", DossierStatuses.Received,
        [
            new("Giấy tờ tùy thân", "CD-CCCD", ComponentSources.Submitted, null),
            new("Tờ khai", "HT-TK-KS", ComponentSources.Submitted, null),
            new("Giấy chứng sinh", "YT-GCS", ComponentSources.ReusedComponent, Guid.NewGuid()),
        ], identity: "030090005551", receivedAt: now) with { ApplicantVerified = true };
        // Not verified: the identity document was handed in; a result of an earlier dossier reused — 1 of 2.
        var unverified = Dossier(ward, "MC10510-KL-0002", DossierStatuses.Received,
        [
            new("Giấy tờ tùy thân", "CD-CCCD", ComponentSources.Submitted, null),
            new("Giấy khai sinh", "KQ.1.001193", ComponentSources.ReusedResult, Guid.NewGuid()),
        ], identity: "030090005552", receivedAt: now);
        // Verified and reused: counted once — 1 of 1.
        var both = Dossier(ward, "MC10510-KL-0003", DossierStatuses.Received,
            [new("Giấy tờ tùy thân", "CD-CCCD", ComponentSources.ReusedComponent, Guid.NewGuid())], identity: "030090005553", receivedAt: now) with { ApplicantVerified = true };
        // Received last month: not in this month's figure.
        var earlier = Dossier(ward, "MC10510-KL-0004", DossierStatuses.Received,
            [new("Tờ khai", "HT-TK-KS", ComponentSources.ReusedComponent, Guid.NewGuid())], receivedAt: VietnamTime.StartOfDay(month.Start).AddDays(-3));
        foreach (var dossier in new[] { verified, unverified, both, earlier })
        {
            await PublishAndRelayAsync(fx, Changed(dossier, DossierTransitions.Received));
        }

        var row = (await ComputeAsync(month)).Single(r => r.KpiCode == DigitizationKpiCodes.NoRepeatDocuments && r.UnitId == ward.Id);
        (row.Numerator, row.Denominator).ShouldBe((4m, 6m));
    }

    [Fact]
    public async Task The_back_fill_writes_one_line_for_each_dossier_resolved_before_the_register_and_the_stock_counts_them()
    {
        var ward = await UnitAsync(fx, "10513");
        var today = VietnamTime.Today(fx.Clock);
        var month = KpiPeriod.ForMonth(today.Year, today.Month);
        var resolvedAt = VietnamTime.StartOfDay(new DateOnly(2024, 5, 6)).AddHours(2);
        // Two dossiers resolved in 2024 (one with its result's copy stored), one still in progress; none has a register line.
        var ids = await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<DigitizationDbContext>();
            DossierRecord Record(string code, string status, DateTimeOffset? resolved) => new(Guid.CreateVersion7(), ward.Id, ward.Path)
            {
                Code = code, ProcedureCode = "1.001193", ProcedureName = "Đăng ký khai sinh", ApplicantKind = ApplicantKinds.Citizen, ApplicantIdentity = "030090007771",
                ApplicantName = "Trần Thị Bình", ReceivedAt = resolvedAt.AddDays(-3), ResolvedAt = resolved, Status = status, ResolvingUnitId = ward.Id, ResolvingUnitPath = ward.Path,
            };
            var onPaper = Record("MC10513-BF-0001", DossierStatuses.Returned, resolvedAt);
            var withCopy = Record("MC10513-BF-0002", DossierStatuses.Resolved, resolvedAt);
            var open = Record("MC10513-BF-0003", DossierStatuses.Processing, null);
            db.Dossiers.AddRange(onPaper, withCopy, open);
            db.Documents.Add(new DigitizedDocument(DocumentKinds.Result, new DossierRef(withCopy.Id, withCopy.Code, withCopy.ProcedureCode, ApplicantKinds.Citizen,
                    withCopy.ApplicantIdentity, withCopy.ApplicantName), "Giấy khai sinh", "KQ.1.001193", "KQ.10513.BF2", null, new string('b', 64), "application/pdf", 100,
                "kq.pdf", DigitizationPlaces.Agency, null, null) { UnitId = ward.Id, UnitPath = ward.Path });
            await db.SaveChangesAsync();
            return new[] { onPaper.Id, withCopy.Id, open.Id };
        });

        (await fx.AsSystemAsync(sp => sp.GetRequiredService<ResultRegisterBackfill>().RunAsync(CancellationToken.None))).ShouldBeGreaterThanOrEqualTo(2);
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<ResultRegisterBackfill>().RunAsync(CancellationToken.None))).ShouldBe(0); // idempotent

        var lines = await fx.AsSystemAsync(async sp => await sp.GetRequiredService<DigitizationDbContext>().Results.IgnoreQueryFilters()
            .Where(r => r.DossierId != null && ids.Contains(r.DossierId.Value)).AsNoTracking().ToListAsync());
        lines.Count.ShouldBe(2);
        lines.ShouldAllBe(r => r.IssuedOn == new DateOnly(2024, 5, 6) && r.CompetentLevel == "commune" && r.UnitId == ward.Id && r.Source == "DOSSIER");
        lines.Single(r => r.DossierId == ids[1]).DigitisedAt.ShouldNotBeNull();
        lines.Single(r => r.DossierId == ids[0]).DigitisedAt.ShouldBeNull();

        // The stock this month: both valid (no expiry), one digitised.
        var row = (await ComputeAsync(month)).Single(r => r.KpiCode == DigitizationKpiCodes.ResultsDigitised && r.UnitId == ward.Id);
        (row.Numerator, row.Denominator, row.RollsUp).ShouldBe((1m, 2m, false));
    }

    private static Dictionary<string, string> BackFile(string issuedOn, string? validUntil)
    {
        var fields = FreeUpload(identity: "030090006666", type: "KQ.1.001193", kind: "RESULT");
        fields["issuedOn"] = issuedOn;
        if (validUntil is not null)
        {
            fields["validUntil"] = validUntil;
        }

        return fields;
    }
}

public sealed class PostgreSqlResultsAndNotAskedKpiTests(OneStopFactory fx) : ResultsAndNotAskedKpiTests<OneStopFactory>(fx), IClassFixture<OneStopFactory>;

public sealed class SqliteResultsAndNotAskedKpiTests(SqliteOneStopFactory fx) : ResultsAndNotAskedKpiTests<SqliteOneStopFactory>(fx), IClassFixture<SqliteOneStopFactory>;
