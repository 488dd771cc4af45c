using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using OneStop.Platform.TestKit;
using UglyToad.PdfPig;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// A province put into service from nothing, in a real browser on a host without demo accounts: <c>create-admin</c>
/// (the real command, as a process) makes the first system admin, who enrols an authenticator and creates a commune
/// admin; the commune admin imports staff from a workbook (two bad rows reported in Vietnamese) and makes one a desk
/// officer; that officer must change the one-time password, receives a dossier and the receipt PDF names them by full
/// name; deactivated by the admin, the officer's open session is refused at once.
/// </summary>
[Collection(nameof(SequentialBrowserCollection))]
public sealed class PeopleFlowTests(ProductionBrowserHost host) : IClassFixture<ProductionBrowserHost>
{
    private const string AdminPassword = "Quan-tri-tinh-2026!";

    [Fact]
    public async Task A_province_starts_with_create_admin_and_staffs_a_ward_down_to_a_desk_officer_who_is_refused_once_deactivated()
    {
        // 1. The first system admin, from the command line (password on standard input).
        var (exit, output) = await CreateAdminAsync("quantri.tinh", "Nguyễn Văn Quản", AdminPassword);
        exit.ShouldBe(0, output);
        output.ShouldContain("Đã tạo quản trị hệ thống");
        (await CreateAdminAsync("quantri.tinh", "Lần hai", AdminPassword)).Exit.ShouldBe(1);

        // 2. The admin signs in and must enrol an authenticator before anything else.
        var admin = await host.NewPageAsync();
        await BrowserHost.SignInAsync(admin, "quantri.tinh", AdminPassword);
        admin.Url.ShouldContain("/Account/EnableAuthenticator");
        var key = (await admin.GetByTestId("shared-key").InnerTextAsync()).Replace(" ", "");
        await admin.GetByLabel("Mã xác thực").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xác nhận và bật" }).ClickAsync();
        await admin.GetByTestId("recovery-codes").WaitForAsync();
        await BrowserHost.ScreenshotAsync(admin, "people-admin-recovery-codes");

        // Signing in again asks for the code.
        var again = await host.NewPageAsync();
        await again.GotoAsync("/");
        await again.GetByLabel("Tên đăng nhập").FillAsync("quantri.tinh");
        await again.GetByLabel("Mật khẩu").FillAsync(AdminPassword);
        await again.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await again.WaitForURLAsync(url => url.Contains("/Account/TwoFactor"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await again.GetByLabel("Mã xác thực").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await again.GetByRole(AriaRole.Button, new() { Name = "Xác nhận", Exact = true }).ClickAsync();
        await again.WaitForURLAsync(url => !url.Contains("/Account/"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await again.Context.CloseAsync();

        // 3. The admin creates the commune admin of Phường Cẩm Thượng, chosen from lists.
        var camThuong = await UnitIdAsync("10507");
        await admin.GotoAsync("/People/Create");
        await admin.GetByLabel("Tên đăng nhập").FillAsync("quantri.camthuong");
        await admin.GetByLabel("Họ và tên").FillAsync("Đinh Thị Quản");
        await admin.GetByLabel("Chức danh").FillAsync("Công chức Văn phòng - Thống kê");
        await admin.Locator("#UnitId").SelectOptionAsync(camThuong.ToString());
        await admin.GetByLabel("Quản trị đơn vị").CheckAsync();
        (await admin.GetByLabel("Quản trị hệ thống").CountAsync()).ShouldBe(1); // a system admin may grant anything
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
        var communeAdminPassword = (await admin.GetByTestId("one-time-password").Locator("code").InnerTextAsync()).Trim();

        // 4. The commune admin signs in with the one-time password and must choose their own.
        var communeAdmin = await host.NewPageAsync();
        await SignInWithOneTimePasswordAsync(communeAdmin, "quantri.camthuong", communeAdminPassword, "Phuong-Cam-Thuong-2026");
        await communeAdmin.GotoAsync("/People/Create");
        (await communeAdmin.GetByLabel("Quản trị hệ thống").CountAsync()).ShouldBe(0); // nothing at or above its own rank
        (await communeAdmin.GetByLabel("Quản trị đơn vị").CountAsync()).ShouldBe(0);
        (await communeAdmin.Locator("#UnitId option").AllInnerTextsAsync()).Where(t => t.Contains("Phường")).ShouldBe(["Phường Cẩm Thượng"]);

        // 5. 22 rows of staff, two of them wrong: the preview says why in Vietnamese, nothing is written before confirming.
        var rows = Enumerable.Range(1, 22).Select(i => new[] { $"canbo{i:00}.camthuong", $"Trần Văn Cán {i}", "Công chức", $"canbo{i}@camthuong.gov.vn", "0912345678", "10507", "Specialist" }).ToList();
        rows[3][3] = "khong-phai-email";
        rows[9][5] = "10510"; // Phường Bình Hàn: another ward
        await communeAdmin.GotoAsync("/People/Import");
        await communeAdmin.GetByLabel("Tệp sổ tính (.xlsx)").SetInputFilesAsync(new FilePayload
        {
            Name = "can-bo-cam-thuong.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = Workbook(rows),
        });
        await communeAdmin.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        var bad = communeAdmin.GetByTestId("import-preview").Locator("tr.table-danger");
        (await bad.CountAsync()).ShouldBe(2);
        (await bad.Nth(0).InnerTextAsync()).ShouldContain("Địa chỉ thư điện tử \"khong-phai-email\" không hợp lệ");
        (await bad.Nth(1).InnerTextAsync()).ShouldContain("ngoài phạm vi bạn quản lý");
        await BrowserHost.ScreenshotAsync(communeAdmin, "people-import-preview");
        (await CountAsync("SELECT count(*) FROM platform.\"AspNetUsers\" WHERE \"UserName\" LIKE 'canbo%'")).ShouldBe(0);
        await communeAdmin.GetByRole(AriaRole.Button, new() { Name = "Tạo 20 tài khoản hợp lệ" }).ClickAsync();
        var created = communeAdmin.GetByTestId("import-created").Locator("tbody tr");
        (await created.CountAsync()).ShouldBe(20);
        var officerRow = created.Filter(new() { HasText = "canbo07.camthuong" });
        var officerPassword = (await officerRow.Locator("code").InnerTextAsync()).Trim();

        // 6. One of them becomes a desk officer.
        await officerRow.GetByRole(AriaRole.Link).ClickAsync();
        var rolesForm = communeAdmin.GetByTestId("roles-of-Phường Cẩm Thượng");
        await rolesForm.GetByLabel("Cán bộ tiếp nhận (một cửa)").CheckAsync();
        await rolesForm.GetByRole(AriaRole.Button, new() { Name = "Lưu vai trò" }).ClickAsync();
        (await communeAdmin.GetByTestId("memberships").InnerTextAsync()).ShouldContain("Cán bộ tiếp nhận");
        var officerPage = communeAdmin.Url;

        // 7. The officer changes the one-time password and receives a dossier; the receipt names them in full.
        var officer = await host.NewPageAsync();
        await SignInWithOneTimePasswordAsync(officer, "canbo07.camthuong", officerPassword, "Tiep-nhan-ho-so-2026");
        var procedure = await CommuneProcedureAsync();
        await officer.GotoAsync("/Counters/Dossiers");
        await officer.GetByTestId("new-dossier").ClickAsync();
        await officer.GetByLabel("Thủ tục hành chính").FillAsync(procedure);
        await officer.GetByTestId("find-procedure").ClickAsync();
        await officer.GetByTestId("procedure-matches").GetByRole(AriaRole.Link).First.ClickAsync();
        await officer.GetByLabel("Số định danh / mã số doanh nghiệp").FillAsync("030090001234");
        await officer.GetByLabel("Họ và tên / tên tổ chức").FillAsync("Nguyễn Văn An");
        await officer.GetByLabel("Ngày sinh").FillAsync("1990-05-12");
        await officer.GetByTestId("verify-citizen").ClickAsync();
        await officer.GetByTestId("verified").WaitForAsync();
        await officer.GetByTestId("submit-intake").ClickAsync();
        await officer.GetByTestId("created").WaitForAsync();
        var receiptUrl = await officer.GetByTestId("print-receipt").GetAttributeAsync("href");
        var receipt = await officer.Context.APIRequest.GetAsync(receiptUrl!);
        receipt.Status.ShouldBe(200);
        var path = Path.Combine(BrowserHost.ScreenshotDirectory, "people-receipt-e2e.pdf");
        await File.WriteAllBytesAsync(path, await receipt.BodyAsync());
        using (var pdf = PdfDocument.Open(path))
        {
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            text.ShouldContain("Trần Văn Cán 7");
            text.ShouldNotContain("canbo07");
        }

        // 8. Deactivated by the commune admin: the officer's open session is refused on its next request.
        await communeAdmin.GotoAsync(officerPage);
        await communeAdmin.GetByLabel("Tôi xác nhận vô hiệu hóa tài khoản này").CheckAsync();
        await communeAdmin.GetByRole(AriaRole.Button, new() { Name = "Vô hiệu hóa" }).ClickAsync();
        (await communeAdmin.GetByRole(AriaRole.Status).First.InnerTextAsync()).ShouldContain("Đã vô hiệu hóa");
        await officer.GotoAsync("/Counters/Dossiers");
        officer.Url.ShouldContain("/Account/Login");
        await officer.GetByLabel("Tên đăng nhập").FillAsync("canbo07.camthuong");
        await officer.GetByLabel("Mật khẩu").FillAsync("Tiep-nhan-ho-so-2026");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        officer.Url.ShouldContain("/Account/Login");
    }

    private static async Task SignInWithOneTimePasswordAsync(IPage page, string login, string oneTimePassword, string newPassword)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Tên đăng nhập").FillAsync(login);
        await page.GetByLabel("Mật khẩu").FillAsync(oneTimePassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/ChangePassword"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        // Anything else leads back to the change-password page until it is done.
        await page.GotoAsync("/People");
        page.Url.ShouldContain("/Account/ChangePassword");
        await page.GetByLabel("Mật khẩu hiện tại").FillAsync(oneTimePassword);
        await page.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đổi mật khẩu" }).ClickAsync();
        await page.GetByTestId("password-changed").WaitForAsync();
        await page.GotoAsync("/");
        page.Url.ShouldNotContain("/Account/");
    }

    /// <summary>Runs the host's own <c>create-admin</c> command against the test database, password on standard input.</summary>
    private async Task<(int Exit, string Output)> CreateAdminAsync(string login, string name, string password)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "OneStop.Platform.Host.dll"), "create-admin", "--login", login, "--name", name])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = "PostgreSql",
                ["Database__ConnectionString"] = host.Database.ConnectionString,
                ["Database__DataDirectory"] = host.Database.DataDirectory,
                ["Seed__DemoUsers"] = "false",
                ["Seed__DemoApiClient"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private async Task<Guid> UnitIdAsync(string code)
    {
        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Id\" FROM platform.\"AdministrativeUnits\" WHERE \"Code\" = @code", connection);
        command.Parameters.AddWithValue("code", code);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A commune procedure received at the desk without required components (the intake needs nothing more).</summary>
    private async Task<string> CommuneProcedureAsync()
    {
        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT p."Code" FROM counters."Procedures" p
            WHERE p."AtCommune"
              AND NOT EXISTS (SELECT 1 FROM counters."ProcedureComponents" c WHERE c."ProcedureId" = p."Id" AND c."Required")
              AND EXISTS (SELECT 1 FROM counters."ProcedureLegalTimes" t WHERE t."ProcedureId" = p."Id" AND t."Channel" = 'DIRECT')
            ORDER BY p."Code" LIMIT 1
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static byte[] Workbook(IReadOnlyList<string[]> rows) =>
        StaffWorkbook.Create(rows, ["Tên đăng nhập", "Họ và tên", "Chức danh", "Thư điện tử", "Điện thoại", "Mã đơn vị", "Vai trò"]);
}
