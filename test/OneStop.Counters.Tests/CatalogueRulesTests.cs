using OneStop.Platform;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Infrastructure;

namespace OneStop.Counters.Tests;

public sealed class CatalogueRulesTests
{
    [Theory]
    [InlineData("Ủy ban nhân dân cấp xã", "commune")]
    [InlineData("Công an cấp Xã", "commune")]
    [InlineData("Phòng Kinh tế; Phòng Kinh tế, Hạ tầng và Đô thị", "district")]
    [InlineData("Chi nhánh Văn phòng đăng ký đất đai khu vực", "district")]
    [InlineData("Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp", "province")]
    [InlineData("Văn phòng đăng ký đất đai Bắc Ninh", "province")]
    [InlineData("Sở Nông nghiệp và Môi trường; Ủy ban nhân dân cấp xã", "commune,province")]
    [InlineData("Cục Lãnh sự - Bộ Ngoại giao", "")]
    [InlineData("", "")]
    public void Levels_are_derived_from_the_executing_agencies(string agencies, string expected)
    {
        var (commune, district, province) = ResolvingLevelRule.Derive(agencies);
        var levels = new[] { (commune, "commune"), (district, "district"), (province, "province") }.Where(l => l.Item1).Select(l => l.Item2);
        string.Join(",", levels).ShouldBe(expected);
    }

    [Fact]
    public void Channel_times_take_working_days_hours_and_fall_back_to_the_cases_for_OTHER()
    {
        CatalogueCsv.Times("ONLINE:1 OTHER;POSTAL:1 OTHER;DIRECT:1 OTHER", "1.001193.02:1 WORKING_DAY;1.001193.01:1 WORKING_DAY")
            .ShouldBe([new("ONLINE", 1, LegalTimeUnits.WorkingDay), new("POSTAL", 1, LegalTimeUnits.WorkingDay), new("DIRECT", 1, LegalTimeUnits.WorkingDay)]);
        CatalogueCsv.Times("ONLINE:5 WORKING_DAY;DIRECT:5 WORKING_DAY;ONLINE:30 WORKING_DAY", "")
            .ShouldBe([new("ONLINE", 5, LegalTimeUnits.WorkingDay), new("DIRECT", 5, LegalTimeUnits.WorkingDay)]);
        CatalogueCsv.Times("DIRECT:15 HOUR", "").ShouldBe([new("DIRECT", 15, LegalTimeUnits.WorkingHour)]);
        CatalogueCsv.Times("DIRECT:30 DAY", "").ShouldBeEmpty();
        CatalogueCsv.Fees("ONLINE:SERVICE_FEE=0;DIRECT:SERVICE_FEE=8000").ShouldBe([new("ONLINE", "SERVICE_FEE", 0), new("DIRECT", "SERVICE_FEE", 8000)]);
    }

    [Fact]
    public void Search_text_ignores_diacritics()
    {
        VietnameseText.Fold("Thủ tục Đăng ký khai sinh").ShouldBe("thu tuc dang ky khai sinh");
    }

    [Fact]
    public void The_legal_time_of_a_date_is_the_version_in_force_then()
    {
        var p = new Procedure { Code = "X" };
        p.LegalTimes.Add(new ProcedureLegalTime { Version = 1, EffectiveFrom = new(2021, 1, 1), Channel = Channels.Direct, Value = 5, Unit = LegalTimeUnits.WorkingDay });
        p.LegalTimes.Add(new ProcedureLegalTime { Version = 2, EffectiveFrom = new(2025, 7, 1), Channel = Channels.Direct, Value = 3, Unit = LegalTimeUnits.WorkingDay });

        p.LegalTimesOn(new(2025, 6, 30)).Single().Value.ShouldBe(5);
        p.LegalTimesOn(new(2025, 7, 1)).Single().Value.ShouldBe(3);
        p.LegalTimesOn(new(2020, 12, 31)).ShouldBeEmpty();
    }

    [Fact]
    public void The_shipped_catalogue_has_every_commune_and_district_procedure_with_a_time_and_hand_made_components()
    {
        var catalogue = CountersSeeder.LoadCatalogue();
        catalogue.Count.ShouldBe(504);
        var birth = catalogue.Single(p => p.Code == "1.001193");
        birth.AtCommune.ShouldBeTrue();
        birth.LegalTimes.Single(t => t.Channel == Channels.Direct).Value.ShouldBe(1);
        birth.Components.Count.ShouldBeGreaterThanOrEqualTo(3);
        birth.Components.ShouldAllBe(c => c.HandMade && c.DocumentTypeCode != "");
        catalogue.Count(p => p.AtCommune || p.AtDistrict).ShouldBeGreaterThan(150);
        catalogue.Single(p => p.Code == "1.001612").LegalTimes.ShouldNotBeEmpty();
    }
}
