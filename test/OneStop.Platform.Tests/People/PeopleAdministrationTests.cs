using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Auditing;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests.People;

/// <summary>
/// People, memberships and roles through /api/v1/platform on PostgreSQL: delegated administration (a commune admin —
/// demo <c>quantri.camthuong</c> of Phường Cẩm Thượng — reaches only its ward and grants only roles below its own),
/// bad input answered with stable codes and nothing half-written, the roles matrix, and the audit trail of every change.
/// </summary>
public sealed class PeopleAdministrationTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    private const string CamThuong = "10507";
    private const string BinhHan = "10510";
    private const string CityOfHaiDuong = "288";

    [Fact]
    public async Task A_commune_admin_reaches_only_its_own_commune_and_grants_only_roles_below_its_own()
    {
        var admin = await factory.SignInAsync("quantri.camthuong");
        var camThuong = await UnitIdAsync(CamThuong);
        var binhHan = await UnitIdAsync(BinhHan);
        var city = await UnitIdAsync(CityOfHaiDuong);

        // Lists: its own ward's people only (the sibling ward's desk officer and the city's people are not there).
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/platform/users?pageSize=200");
        var logins = Logins(list);
        logins.ShouldContain("motcua.camthuong");
        logins.ShouldContain("lanhdao.camthuong");
        logins.ShouldNotContain("motcua.binhhan");
        logins.ShouldNotContain("chuyenvien.tphd");
        logins.ShouldNotContain("admin");
        (await admin.GetAsync($"/api/v1/platform/users?unitId={binhHan}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Read, change or reset a sibling's or a superior's person: not found in its reach.
        var sibling = await UserIdAsync("motcua.binhhan");
        var superior = await UserIdAsync("lanhdao.tphd");
        (await admin.GetAsync($"/api/v1/platform/users/{sibling}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsync($"/api/v1/platform/users/{superior}/reset-password", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PutAsJsonAsync($"/api/v1/platform/users/{sibling}", new { fullName = "Đổi tên" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Create in a sibling ward or above: refused, nothing written.
        await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/platform/users", NewPerson("nguoi.binhhan", binhHan, "DeskOfficer")), 400, "Platform.Users.UnknownUnit");
        await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/platform/users", NewPerson("nguoi.thanhpho", city, "DeskOfficer")), 400, "Platform.Users.UnknownUnit");
        // Roles at or above its own rank: a provincial leader, a system admin, another unit admin.
        foreach (var role in new[] { "ProvincialLeader", "SystemAdmin", "UnitAdmin" })
        {
            await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/platform/users", NewPerson("nguoi." + role.ToLowerInvariant(), camThuong, role)), 403, "Platform.Users.GrantNotAllowed");
        }

        (await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Users.CountAsync(u => u.UserName!.StartsWith("nguoi.")))).ShouldBe(0);

        // Itself: no grant, no reset, no deactivation.
        var self = await UserIdAsync("quantri.camthuong");
        var memberships = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/platform/users/{self}")).GetProperty("memberships");
        await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/platform/users/{self}/memberships", new { unitId = camThuong, roles = new[] { "DeskOfficer" }, validFrom = "2027-01-01" }), 403, "Platform.Users.SelfChange");
        await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/platform/users/{self}/memberships/{memberships[0].GetProperty("id").GetGuid()}", new { unitId = camThuong, roles = new[] { "UnitAdmin", "DeskOfficer" } }), 403, "Platform.Users.SelfChange");
        await ProblemAsync(await admin.PostAsync($"/api/v1/platform/users/{self}/deactivate", null), 403, "Platform.Users.SelfChange");
        await ProblemAsync(await admin.PostAsync($"/api/v1/platform/users/{self}/reset-password", null), 403, "Platform.Users.SelfChange");

        // The ward's unit leader holds a role below UnitAdmin: reachable. A desk officer becomes a desk officer and specialist.
        var created = await admin.PostAsJsonAsync("/api/v1/platform/users", NewPerson("nguyenthi.moi", camThuong, "DeskOfficer"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("oneTimePassword").GetString()!.Length.ShouldBeGreaterThanOrEqualTo(10);
        body.GetProperty("person").GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();
        var id = body.GetProperty("person").GetProperty("id").GetGuid();
        var membershipId = body.GetProperty("person").GetProperty("memberships")[0].GetProperty("id").GetGuid();
        (await admin.PutAsJsonAsync($"/api/v1/platform/users/{id}/memberships/{membershipId}", new { unitId = camThuong, roles = new[] { "DeskOfficer", "Specialist" } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/v1/platform/users/{await UserIdAsync("lanhdao.camthuong")}/unlock", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_desk_officer_cannot_administer_people_at_all()
    {
        var officer = await factory.SignInAsync("motcua.binhhan");
        (await officer.GetAsync("/api/v1/platform/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PostAsJsonAsync("/api/v1/platform/users", NewPerson("x.y", await UnitIdAsync(BinhHan), "DeskOfficer"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PutAsJsonAsync("/api/v1/platform/roles/DeskOfficer/permissions", new { permissions = new[] { "Platform.Users.Manage" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_input_gets_Vietnamese_ProblemDetails_with_stable_codes_and_nothing_half_written()
    {
        var admin = await factory.SignInAsync("admin");
        var ward = await UnitIdAsync(CamThuong);

        var duplicate = await admin.PostAsJsonAsync("/api/v1/platform/users", NewPerson("motcua.camthuong", ward, "DeskOfficer"));
        (await ProblemAsync(duplicate, 409, "Platform.Users.DuplicateLogin")).GetProperty("title").GetString()!.ShouldContain("đã được sử dụng");

        var invalid = await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/platform/users", new
        {
            login = "Có Dấu", fullName = "", email = "khong-phai-email", phone = "12ab",
            membership = new { unitId = ward, roles = new[] { "DeskOfficer", null }, validFrom = "2026-12-31", validTo = "2026-01-01" },
        }), 400, "Platform.ValidationFailed");
        var errors = invalid.GetProperty("errors");
        foreach (var field in new[] { "Login", "FullName", "Email", "Phone", "Membership.Roles", "Membership.ValidTo" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue($"no error for {field}: {errors}");
        }

        await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/platform/users", NewPerson("nguoi.moi1", Guid.NewGuid(), "DeskOfficer")), 400, "Platform.Users.UnknownUnit");
        await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/platform/users", NewPerson("nguoi.moi2", ward, "KhongCo")), 400, "Platform.Users.UnknownRole");
        await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/platform/users", new { login = "nguoi.moi3", fullName = "A", membership = new { unitId = ward, roles = new[] { "DeskOfficer" }, agencyCode = "KHONGCO" } }), 400, "Platform.Users.UnknownAgency");
        await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/platform/users", new { login = "nguoi.moi4", fullName = "A", membership = new { unitId = ward, roles = new[] { "DeskOfficer" }, validFrom = "0001-01-01" } }), 400, "Platform.ValidationFailed");
        (await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Users.CountAsync(u => u.UserName!.StartsWith("nguoi.moi")))).ShouldBe(0);

        // Not a workbook, and a workbook of 100,000 rows: refused before anything is read into memory or written.
        await ProblemAsync(await admin.PostAsync("/api/v1/platform/users/import/preview", File("danh-sach.xlsx", "đây không phải sổ tính"u8.ToArray())), 400, "Platform.Users.ImportInvalidFile");
        await ProblemAsync(await admin.PostAsync("/api/v1/platform/users/import/preview", File("danh-sach.xlsx", Workbook(100_000))), 400, "Platform.Users.ImportTooLarge");
        await ProblemAsync(await admin.PostAsync("/api/v1/platform/users/import/preview", new StringContent("{}", System.Text.Encoding.UTF8, "application/json")), 400, "Platform.Users.ImportInvalidFile");
        await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/platform/users/import", new { fileId = new string('a', 64) }), 400, "Platform.Users.ImportInvalidFile");
        await ProblemAsync(await admin.GetAsync("/api/v1/platform/users?cursor=%%%"), 400, "Platform.InvalidCursor");
        await ProblemAsync(await admin.GetAsync("/api/v1/platform/users?status=weird"), 400, "Platform.ValidationFailed");
    }

    [Fact]
    public async Task Staff_import_previews_row_errors_in_Vietnamese_and_creates_only_the_valid_rows_when_confirmed()
    {
        var admin = await factory.SignInAsync("quantri.camthuong");
        var rows = Enumerable.Range(1, 20).Select(i => new[] { $"canbo{i:00}.camthuong", $"Nguyễn Văn Số {i}", "Công chức", $"canbo{i}@camthuong.gov.vn", "0912345678", CamThuong, "", "DeskOfficer" }).ToList();
        rows[4][3] = "sai-email";                 // row 6 of the sheet
        rows[11][5] = BinhHan;                    // row 13: a sibling ward
        var preview = await admin.PostAsync("/api/v1/platform/users/import/preview", File("can-bo.xlsx", Workbook(rows)));
        preview.StatusCode.ShouldBe(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        var body = await preview.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("valid").GetInt32().ShouldBe(18, body.ToString());
        body.GetProperty("invalid").GetInt32().ShouldBe(2);
        var bad = body.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("errors").GetArrayLength() > 0).ToList();
        bad.Select(r => r.GetProperty("row").GetInt32()).ShouldBe([6, 13]);
        bad[0].GetProperty("errors")[0].GetString()!.ShouldContain("thư điện tử");
        bad[1].GetProperty("errors")[0].GetString()!.ShouldContain("ngoài phạm vi");
        (await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Users.CountAsync(u => u.UserName!.StartsWith("canbo")))).ShouldBe(0);

        var confirmed = await admin.PostAsJsonAsync("/api/v1/platform/users/import", new { fileId = body.GetProperty("fileId").GetString() });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        var created = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        created.GetArrayLength().ShouldBe(18);
        (await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Users.CountAsync(u => u.UserName!.StartsWith("canbo") && u.MustChangePassword))).ShouldBe(18);

        // Confirming the same file again creates nothing more: every login now exists.
        var again = await admin.PostAsJsonAsync("/api/v1/platform/users/import", new { fileId = body.GetProperty("fileId").GetString() });
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength().ShouldBe(0);

        // Search without diacritics finds an imported person by name.
        var found = await admin.GetFromJsonAsync<JsonElement>("/api/v1/platform/users?q=nguyen van so 7");
        Logins(found).ShouldBe(["canbo07.camthuong"]);
    }

    [Fact]
    public async Task Role_permissions_change_from_the_holders_next_request_and_every_change_is_in_the_persons_audited_history()
    {
        var system = await factory.SignInAsync("admin");
        var inspector = await factory.SignInAsync("thanhtra.tinh");
        (await inspector.GetAsync("/api/v1/platform/audit/verify")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var roles = await system.GetFromJsonAsync<JsonElement>("/api/v1/platform/roles");
        var inspectorRole = roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Inspector");
        var without = inspectorRole.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).Where(p => p != "Platform.Audit.Read").ToList();
        (await system.PutAsJsonAsync("/api/v1/platform/roles/Inspector/permissions", new { permissions = without })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await inspector.GetAsync("/api/v1/platform/audit/verify")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await system.PutAsJsonAsync("/api/v1/platform/roles/Inspector/permissions", new { permissions = without.Append("Platform.Audit.Read") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await inspector.GetAsync("/api/v1/platform/audit/verify")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ProblemAsync(await system.PutAsJsonAsync("/api/v1/platform/roles/Inspector/permissions", new { permissions = new[] { "Khong.Co" } }), 400, "Platform.Roles.UnknownPermission");
        var custom = await system.PostAsJsonAsync("/api/v1/platform/roles", new { name = "DataClerk", displayNameVi = "Nhân viên nhập liệu", rank = 15 });
        custom.StatusCode.ShouldBe(HttpStatusCode.Created);
        await ProblemAsync(await system.PostAsJsonAsync("/api/v1/platform/roles", new { name = "DataClerk", displayNameVi = "Trùng", rank = 15 }), 409, "Platform.Roles.Duplicate");

        // A person's history: created, membership granted, reset, deactivated, reactivated, unlocked.
        var ward = await UnitIdAsync(CamThuong);
        var created = await (await system.PostAsJsonAsync("/api/v1/platform/users", NewPerson("lichsu.camthuong", ward, "DataClerk"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("person").GetProperty("id").GetGuid();
        (await system.PostAsync($"/api/v1/platform/users/{id}/reset-password", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await system.PostAsync($"/api/v1/platform/users/{id}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await system.PostAsync($"/api/v1/platform/users/{id}/reactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await system.PostAsync($"/api/v1/platform/users/{id}/unlock", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var history = await system.GetFromJsonAsync<JsonElement>($"/api/v1/platform/users/{id}/history");
        var entries = history.EnumerateArray().Select(h => (h.GetProperty("entityType").GetString(), h.GetProperty("action").GetString(), h.GetProperty("after").GetString() ?? "")).ToList();
        entries.ShouldContain(e => e.Item1 == "PlatformUser" && e.Item2 == "Added");
        entries.ShouldContain(e => e.Item1 == "UnitMembership" && e.Item2 == "Added" && e.Item3.Contains("DataClerk"));
        entries.ShouldContain(e => e.Item3.Contains("\"IsActive\":false"));
        entries.ShouldContain(e => e.Item3.Contains("\"IsActive\":true"));
        entries.ShouldContain(e => e.Item3.Contains("PasswordResetAt"));
        entries.ShouldContain(e => e.Item3.Contains("UnlockedAt"));
        history.EnumerateArray().ShouldAllBe(h => h.GetProperty("actor").GetString() == "admin");
        entries.ShouldNotContain(e => e.Item3.Contains("PasswordHash"));

        // Role permission edits are audited too, and the chain still holds.
        await factory.SealAuditAsync<PlatformDbContext>(); // the trail is sealed within a second of the write (ADR 0047)
        (await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AuditRecords.CountAsync(a => a.EntityType == "RolePermission"))).ShouldBeGreaterThan(0);
        (await factory.AsSystemAsync(async sp => (await AuditChainVerifier.VerifyAsync(sp.GetRequiredService<PlatformDbContext>(), default)).IsIntact)).ShouldBeTrue();
    }

    private static object NewPerson(string login, Guid unitId, string role) =>
        new { login, fullName = "Người Thử " + login, position = "Công chức", email = login + "@example.gov.vn", phone = "0912345678", membership = new { unitId, roles = new[] { role } } };

    private static List<string> Logins(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("login").GetString()!).ToList();

    private Task<Guid> UnitIdAsync(string code) =>
        factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private Task<Guid> UserIdAsync(string login) =>
        factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync());

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("code").GetString().ShouldBe(code, text);
        return problem;
    }

    private static MultipartFormDataContent File(string name, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { content, "file", name } };
    }

    private static byte[] Workbook(IReadOnlyList<string[]> rows) => StaffWorkbook.Create(rows);

    private static byte[] Workbook(int rows) =>
        Workbook(Enumerable.Range(1, rows).Select(i => new[] { $"u{i}", "Tên", "", "", "", CamThuong, "", "DeskOfficer" }).ToList());
}
