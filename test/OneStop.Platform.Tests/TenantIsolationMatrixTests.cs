using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Identity;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests;

/// <summary>
/// Tenant isolation for every API endpoint and page that exists: a commune user cannot read or change a sibling
/// commune's data, a district user sees only its communes, the province sees all. A new endpoint or page fails
/// <see cref="Every_endpoint_and_page_is_in_the_matrix"/> until a case for it is added here.
/// </summary>
public sealed class TenantIsolationMatrixTests(TenantIsolationMatrixTests.Fixture fx) : IClassFixture<TenantIsolationMatrixTests.Fixture>
{
    // Cẩm Thượng (10507) and Bình Hàn (10510) are sibling wards of Thành phố Hải Dương (288); Chí Linh (290) is another district.
    private const string CommuneA = "motcua.camthuong";
    private const string CommuneB = "motcua.binhhan";
    private const string DistrictLeader = "lanhdao.tphd";
    private const string ProvinceLeader = "lanhdao.tinh";

    /// <summary>Each API route (method + pattern) with the facts that show its isolation.</summary>
    private static readonly Dictionary<string, string> ApiMatrix = new()
    {
        ["GET /api/v1/platform/units/"] = nameof(Unit_lists_follow_the_hierarchy),
        ["GET /api/v1/platform/units/summary"] = nameof(Unit_summaries_count_only_the_scope),
        ["GET /api/v1/platform/units/{id:guid}"] = nameof(A_sibling_unit_cannot_be_read_even_by_id),
        ["GET /api/v1/platform/agencies/"] = nameof(Agency_lists_follow_the_hierarchy),
        ["GET /api/v1/platform/agencies/{id:guid}"] = nameof(A_sibling_agency_cannot_be_read_or_changed),
        ["PUT /api/v1/platform/agencies/{id:guid}"] = nameof(A_sibling_agency_cannot_be_read_or_changed),
        ["POST /api/v1/platform/agencies/"] = nameof(Creating_for_a_sibling_unit_is_refused_and_own_unit_is_stamped),
        ["GET /api/v1/platform/audit/verify"] = nameof(Audit_verification_is_refused_to_commune_staff),
        ["GET /api/v1/me"] = nameof(Me_reports_the_acting_unit),
        ["GET /api/v1/counters/calendar/office-hours/{unitId:guid}"] = nameof(Office_hours_of_a_sibling_commune_cannot_be_read_or_changed),
        ["PUT /api/v1/counters/calendar/office-hours/{unitId:guid}"] = nameof(Office_hours_of_a_sibling_commune_cannot_be_read_or_changed),
        ["POST /api/v1/counters/calendar/due-date"] = nameof(Due_dates_are_computed_only_for_units_in_scope),
        ["GET /api/v1/counters/calendar/days-off"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["POST /api/v1/counters/calendar/days-off"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["DELETE /api/v1/counters/calendar/days-off/{id:guid}"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["GET /api/v1/counters/catalogue/procedures"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["GET /api/v1/counters/catalogue/procedures/{code}"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["PUT /api/v1/counters/catalogue/procedures/{code}"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["POST /api/v1/counters/catalogue/procedures/{code}/legal-times"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["PUT /api/v1/counters/catalogue/procedures/{code}/steps"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
    };

    /// <summary>Pages and why each is isolated: it shows scoped data checked below, or no unit data at all.</summary>
    private static readonly Dictionary<string, string> PageMatrix = new()
    {
        ["/Index"] = nameof(Home_and_units_pages_show_only_the_scope),
        ["/Units/Index"] = nameof(Home_and_units_pages_show_only_the_scope),
        ["/Account/Login"] = "no unit data",
        ["/Account/Logout"] = "no unit data",
        ["/Account/AccessDenied"] = "no unit data",
        ["/Account/Culture"] = "no unit data",
        ["/Account/SwitchUnit"] = nameof(Switching_to_a_unit_one_is_not_a_member_of_is_forbidden),
        ["/Error"] = "no unit data",
        ["PlanTasks:/Index"] = "module placeholder, no unit data yet",
        ["Counters:/Index"] = "module home, links only, no unit data",
        ["Counters:/Calendar/Index"] = nameof(The_calendar_page_shows_the_acting_units_own_hours),
        ["Counters:/Calendar/DueDate"] = nameof(Due_dates_are_computed_only_for_units_in_scope),
        ["Counters:/Catalogue/Index"] = "province-wide reference data (catalogue), no unit data; " + nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["Counters:/Catalogue/Detail"] = "province-wide reference data (catalogue), no unit data",
        ["Counters:/Catalogue/Edit"] = nameof(The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins),
        ["Digitization:/Index"] = "module placeholder, no unit data yet",
        ["Integration:/Index"] = "module placeholder, no unit data yet",
        ["Evaluation:/Index"] = "module placeholder, no unit data yet",
        ["Training:/Index"] = "module placeholder, no unit data yet",
    };

    public sealed class Fixture : OneStopFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            // Desk officers and unit leaders may manage agencies here, so write isolation is exercised for them too.
            await AsSystemAsync(async sp =>
            {
                var db = sp.GetRequiredService<PlatformDbContext>();
                db.RolePermissions.Add(new RolePermission { Role = Roles.DeskOfficer, Permission = PlatformPermissions.UnitsManage });
                db.RolePermissions.Add(new RolePermission { Role = Roles.UnitLeader, Permission = PlatformPermissions.UnitsManage });
                await db.SaveChangesAsync();
                sp.GetRequiredService<PermissionChecker>().Invalidate();
                return 0;
            });
        }

        public Task<T> Db<T>(Func<PlatformDbContext, Task<T>> query) =>
            AsSystemAsync(sp => query(sp.GetRequiredService<PlatformDbContext>()));

        public Task<Guid> UnitId(string code) => Db(db => db.AdministrativeUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

        public Task<Guid> DeskOf(string code) => Db(db => db.Agencies.Where(a => a.Code == "MC" + code).Select(a => a.Id).SingleAsync());
    }

    [Fact]
    public void Every_endpoint_and_page_is_in_the_matrix()
    {
        var endpoints = fx.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var apiRoutes = endpoints
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct().ToList();
        apiRoutes.Where(r => !ApiMatrix.ContainsKey(r)).ShouldBeEmpty("API endpoints without an isolation case");

        var pages = endpoints.Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()).OfType<PageActionDescriptor>()
            .Select(p => p.AreaName is null ? p.ViewEnginePath : $"{p.AreaName}:{p.ViewEnginePath}")
            .Distinct().ToList();
        pages.Where(p => !PageMatrix.ContainsKey(p)).ShouldBeEmpty("pages without an isolation case");
    }

    [Fact]
    public async Task Unit_lists_follow_the_hierarchy()
    {
        var districtUnits = await fx.Db(db => db.AdministrativeUnits.CountAsync(u => u.Path.StartsWith("/30/288/")));

        (await UnitCodes(CommuneA)).ShouldBe(["10507"]);
        (await UnitCodes(CommuneB)).ShouldBe(["10510"]);
        var district = await UnitCodes(DistrictLeader);
        district.Count.ShouldBe(districtUnits);
        district.ShouldContain("10507");
        district.ShouldNotContain("290");
        district.ShouldNotContain("30");
        (await UnitCodes(ProvinceLeader)).Count.ShouldBe(248);
    }

    [Fact]
    public async Task Unit_summaries_count_only_the_scope()
    {
        var commune = await Summary(CommuneA);
        commune.GetProperty("communes").GetInt32().ShouldBe(1);
        commune.GetProperty("districts").GetInt32().ShouldBe(0);

        var district = await Summary(DistrictLeader);
        district.GetProperty("districts").GetInt32().ShouldBe(1);
        district.GetProperty("communes").GetInt32().ShouldBe(await fx.Db(db => db.AdministrativeUnits.CountAsync(u => u.Path.StartsWith("/30/288/") && u.Level == "commune")));

        var province = await Summary(ProvinceLeader);
        province.GetProperty("districts").GetInt32().ShouldBe(12);
        province.GetProperty("communes").GetInt32().ShouldBe(235);
    }

    [Fact]
    public async Task A_sibling_unit_cannot_be_read_even_by_id()
    {
        var b = await fx.UnitId("10510");
        var otherDistrictCommune = await fx.Db(db => db.AdministrativeUnits.Where(u => u.Path.StartsWith("/30/290/") && u.Level == "commune").Select(u => u.Id).FirstAsync());

        (await Get(CommuneA, $"/api/v1/platform/units/{b}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(CommuneB, $"/api/v1/platform/units/{b}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(DistrictLeader, $"/api/v1/platform/units/{b}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(DistrictLeader, $"/api/v1/platform/units/{otherDistrictCommune}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Get(ProvinceLeader, $"/api/v1/platform/units/{otherDistrictCommune}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Agency_lists_follow_the_hierarchy()
    {
        // Other tests add agencies to these units; what matters is that nothing from outside the scope shows.
        var commune = await AgencyCodes(CommuneA);
        commune.ShouldContain("MC10507");
        commune.ShouldNotContain("MC10510");
        commune.ShouldNotContain("MC288");
        var district = await AgencyCodes(DistrictLeader);
        district.ShouldContain("MC288");
        district.ShouldContain("MC10510");
        district.ShouldNotContain("MC290");
        district.ShouldNotContain("STP");
        (await AgencyCodes(ProvinceLeader)).ShouldContain("STP");
    }

    [Fact]
    public async Task A_sibling_agency_cannot_be_read_or_changed()
    {
        var deskB = await fx.DeskOf("10510");
        var before = await fx.Db(db => db.Agencies.Where(a => a.Id == deskB).Select(a => a.Name).SingleAsync());

        (await Get(CommuneA, $"/api/v1/platform/agencies/{deskB}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var a = await fx.SignInAsync(CommuneA);
        (await a.PutAsJsonAsync($"/api/v1/platform/agencies/{deskB}", new { name = "Đổi tên trái phép" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fx.Db(db => db.Agencies.Where(x => x.Id == deskB).Select(x => x.Name).SingleAsync())).ShouldBe(before);

        // The district may rename a desk of its own commune, not one of another district.
        var district = await fx.SignInAsync(DistrictLeader);
        (await district.PutAsJsonAsync($"/api/v1/platform/agencies/{deskB}", new { name = before })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var otherDistrictDesk = await fx.DeskOf("290");
        (await district.PutAsJsonAsync($"/api/v1/platform/agencies/{otherDistrictDesk}", new { name = "Không được" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creating_for_a_sibling_unit_is_refused_and_own_unit_is_stamped()
    {
        var b = await fx.UnitId("10510");
        var a = await fx.SignInAsync(CommuneA);

        var refused = await a.PostAsJsonAsync("/api/v1/platform/agencies/", new { code = "TEST-SIB", name = "Thử", kind = "office", unitId = b });
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fx.Db(db => db.Agencies.AnyAsync(x => x.Code == "TEST-SIB"))).ShouldBeFalse();

        var created = await a.PostAsJsonAsync("/api/v1/platform/agencies/", new { code = "TEST-OWN", name = "Tổ một cửa lưu động", kind = "office" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unitPath").GetString().ShouldBe("/30/288/10507/");
        (await AgencyCodes(CommuneB)).ShouldNotContain("TEST-OWN");
    }

    [Fact]
    public async Task Audit_verification_is_refused_to_commune_staff()
    {
        (await Get(CommuneA, "/api/v1/platform/audit/verify")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Get("thanhtra.tinh", "/api/v1/platform/audit/verify")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Me_reports_the_acting_unit()
    {
        var me = await (await Get(CommuneB, "/api/v1/me")).Content.ReadFromJsonAsync<JsonElement>();
        me.GetProperty("unitPath").GetString().ShouldBe("/30/288/10510/");
    }

    [Fact]
    public async Task Home_and_units_pages_show_only_the_scope()
    {
        var a = await fx.SignInAsync(CommuneA);
        var units = await a.GetStringAsync("/Units");
        units.ShouldContain("Phường Cẩm Thượng");
        units.ShouldNotContain("Phường Bình Hàn");

        var district = await fx.SignInAsync(DistrictLeader);
        var districtUnits = await district.GetStringAsync("/Units?level=commune");
        districtUnits.ShouldContain("Phường Bình Hàn");
        districtUnits.ShouldNotContain("Phường Cộng Hoà"); // a ward of Chí Linh (290)
    }

    [Fact]
    public async Task Switching_to_a_unit_one_is_not_a_member_of_is_forbidden()
    {
        var a = await fx.SignInAsync(CommuneA);
        var b = await fx.UnitId("10510");
        var response = await OneStopFactory.PostFormAsync(a, "/", "/Account/SwitchUnit", new() { ["unitId"] = b.ToString(), ["returnUrl"] = "/" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("AccessDenied");
        (await Summary(CommuneA)).GetProperty("unitPath").GetString().ShouldBe("/30/288/10507/");
    }

    [Fact]
    public async Task Office_hours_of_a_sibling_commune_cannot_be_read_or_changed()
    {
        var a = await fx.UnitId("10507");
        var b = await fx.UnitId("10510");
        var otherDistrictCommune = await fx.Db(db => db.AdministrativeUnits.Where(u => u.Path.StartsWith("/30/290/") && u.Level == "commune").Select(u => u.Id).FirstAsync());
        var hours = new { morningStart = "07:30", morningEnd = "12:00", afternoonStart = "13:00", afternoonEnd = "16:30" };

        (await Get(CommuneA, $"/api/v1/counters/calendar/office-hours/{a}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(CommuneA, $"/api/v1/counters/calendar/office-hours/{b}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The leader of ward A changes A's hours, not B's; B keeps the default and cannot see A's override.
        var leaderA = await fx.SignInAsync("lanhdao.camthuong");
        (await leaderA.PutAsJsonAsync($"/api/v1/counters/calendar/office-hours/{b}", hours)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await leaderA.PutAsJsonAsync($"/api/v1/counters/calendar/office-hours/{a}", hours)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var seenByB = await (await Get(CommuneB, $"/api/v1/counters/calendar/office-hours/{b}")).Content.ReadFromJsonAsync<JsonElement>();
        seenByB.GetProperty("isDefault").GetBoolean().ShouldBeTrue();
        (await Get(CommuneB, $"/api/v1/counters/calendar/office-hours/{a}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The district reads and sets its communes' hours, not those of another district.
        var district = await fx.SignInAsync(DistrictLeader);
        var seenByDistrict = await (await district.GetAsync($"/api/v1/counters/calendar/office-hours/{a}")).Content.ReadFromJsonAsync<JsonElement>();
        seenByDistrict.GetProperty("morningStart").GetString().ShouldBe("07:30");
        (await district.PutAsJsonAsync($"/api/v1/counters/calendar/office-hours/{otherDistrictCommune}", hours)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await district.PutAsJsonAsync($"/api/v1/counters/calendar/office-hours/{a}", new { morningStart = "07:00", morningEnd = "11:30", afternoonStart = "13:30", afternoonEnd = "17:00" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Due_dates_are_computed_only_for_units_in_scope()
    {
        var b = await fx.UnitId("10510");
        var a = await fx.SignInAsync(CommuneA);
        var request = new { unitId = b, receivedAt = "2024-03-04T09:00", legalTimeValue = 1, legalTimeUnit = "WORKING_DAY" };
        (await a.PostAsJsonAsync("/api/v1/counters/calendar/due-date", request)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await fx.SignInAsync(CommuneB)).PostAsJsonAsync("/api/v1/counters/calendar/due-date", request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await fx.SignInAsync(DistrictLeader)).PostAsJsonAsync("/api/v1/counters/calendar/due-date", request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The page always computes for the acting unit.
        var page = await OneStopFactory.PostFormAsync(a, "/Counters/Calendar/DueDate", "/Counters/Calendar/DueDate",
            new() { ["ReceivedAt"] = "2024-03-04T09:00", ["Value"] = "1", ["Unit"] = "WORKING_DAY" });
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("Phường Cẩm Thượng");
        html.ShouldNotContain("Phường Bình Hàn");
    }

    [Fact]
    public async Task The_calendar_page_shows_the_acting_units_own_hours()
    {
        var a = await fx.SignInAsync(CommuneA);
        var html = await a.GetStringAsync("/Counters/Calendar?year=2024");
        html.ShouldContain("Tết Nguyên đán Giáp Thìn");
        html.ShouldContain("data-testid=\"office-hours\"");
    }

    [Fact]
    public async Task The_national_calendar_and_catalogue_are_shared_and_changed_only_by_system_admins()
    {
        // Reference data: every unit sees the same rows.
        var daysA = await (await Get(CommuneA, "/api/v1/counters/calendar/days-off?year=2025")).Content.ReadAsStringAsync();
        var daysB = await (await Get(CommuneB, "/api/v1/counters/calendar/days-off?year=2025")).Content.ReadAsStringAsync();
        daysA.ShouldBe(daysB);
        var catalogueA = await (await Get(CommuneA, "/api/v1/counters/catalogue/procedures?level=commune")).Content.ReadAsStringAsync();
        catalogueA.ShouldBe(await (await Get(CommuneB, "/api/v1/counters/catalogue/procedures?level=commune")).Content.ReadAsStringAsync());
        (await Get(CommuneA, "/api/v1/counters/catalogue/procedures/1.001193")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(CommuneA, "/Counters/Catalogue")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // No unit — not even the district or the province leader — changes them.
        foreach (var user in new[] { CommuneA, DistrictLeader, ProvinceLeader })
        {
            var client = await fx.SignInAsync(user);
            (await client.PostAsJsonAsync("/api/v1/counters/calendar/days-off", new { date = "2026-12-30", kind = "holiday", name = "Không được" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.DeleteAsync($"/api/v1/counters/calendar/days-off/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PutAsJsonAsync("/api/v1/counters/catalogue/procedures/1.001193", new { name = "X", levels = new[] { "commune" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync("/api/v1/counters/catalogue/procedures/1.001193/legal-times", new { effectiveFrom = "2030-01-01", reason = "X", times = new[] { new { channel = "DIRECT", value = 1, unit = "WORKING_DAY" } } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PutAsJsonAsync("/api/v1/counters/catalogue/procedures/1.001193/steps", new { steps = new[] { new { name = "X", budgetHours = 1 } } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.GetAsync("/Counters/Catalogue/Edit?code=1.001193")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
    }

    private async Task<HttpResponseMessage> Get(string user, string url) => await (await fx.SignInAsync(user)).GetAsync(url);

    private async Task<JsonElement> Summary(string user) =>
        await (await Get(user, "/api/v1/platform/units/summary")).Content.ReadFromJsonAsync<JsonElement>();

    private async Task<List<string>> UnitCodes(string user) => await Codes(user, "/api/v1/platform/units/");

    private async Task<List<string>> AgencyCodes(string user) => await Codes(user, "/api/v1/platform/agencies/");

    private async Task<List<string>> Codes(string user, string url)
    {
        var client = await fx.SignInAsync(user);
        var codes = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{url}?pageSize=200{(cursor is null ? "" : "&cursor=" + cursor)}");
            codes.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return codes;
    }
}
