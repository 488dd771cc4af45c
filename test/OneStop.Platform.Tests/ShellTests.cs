using System.Net;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests;

/// <summary>The web shell: Vietnamese login, home per role and unit, language switch, unit switcher, permission-based menu.</summary>
public sealed class ShellTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task Login_page_is_served_in_Vietnamese_to_any_browser()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        var html = await client.GetStringAsync("/Account/Login");

        html.ShouldContain("<html lang=\"vi\">");
        html.ShouldContain("Đăng nhập");
        html.ShouldContain("Tên đăng nhập");
        html.ShouldContain("Mật khẩu");
    }

    [Fact]
    public async Task Anonymous_page_request_goes_to_login()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/Units");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_Vietnamese_message()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await OneStopFactory.PostFormAsync(client, "/Account/Login", "/Account/Login", new()
        {
            ["Input.UserName"] = "motcua.binhhan",
            ["Input.Password"] = "sai-mat-khau",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Tên đăng nhập hoặc mật khẩu không đúng, hoặc đăng nhập tạm thời bị chặn.");
    }

    [Fact]
    public async Task Provincial_leader_sees_the_province_with_12_districts_and_235_communes()
    {
        var client = await factory.SignInAsync("lanhdao.tinh");
        var home = await client.GetStringAsync("/");

        home.ShouldContain("data-testid=\"home-unit\">Tỉnh Hải Dương<");
        home.ShouldContain("data-testid=\"count-districts\">12<");
        home.ShouldContain("data-testid=\"count-communes\">235<");
    }

    [Fact]
    public async Task Commune_officer_sees_only_that_commune()
    {
        var client = await factory.SignInAsync("motcua.camthuong");
        var home = await client.GetStringAsync("/");
        home.ShouldContain("data-testid=\"home-unit\">Phường Cẩm Thượng<");
        home.ShouldContain("data-testid=\"count-communes\">1<");
        home.ShouldNotContain("count-districts");

        var units = await client.GetStringAsync("/Units");
        units.ShouldContain("Phường Cẩm Thượng");
        units.ShouldNotContain("Phường Bình Hàn");
        units.ShouldNotContain("Thành phố Hải Dương");
    }

    [Fact]
    public async Task A_department_officer_acts_for_the_province_as_that_department()
    {
        var client = await factory.SignInAsync("chuyenvien.stttt");
        var home = await client.GetStringAsync("/");
        home.ShouldContain("data-testid=\"acting-unit\">Tỉnh Hải Dương · Sở Thông tin và Truyền thông<");
        home.ShouldContain("data-testid=\"home-unit\">Tỉnh Hải Dương<");
    }

    [Fact]
    public async Task Menu_shows_only_modules_the_role_may_use()
    {
        var desk = await factory.SignInAsync("motcua.camthuong");
        var deskHome = await desk.GetStringAsync("/");
        deskHome.ShouldContain("href=\"/Counters\"");
        deskHome.ShouldNotContain("href=\"/Integration\"");
        deskHome.ShouldNotContain("href=\"/jobs\"");

        var admin = await factory.SignInAsync("admin");
        var adminHome = await admin.GetStringAsync("/");
        adminHome.ShouldContain("href=\"/Integration\"");
        adminHome.ShouldContain("href=\"/jobs\"");
    }

    [Fact]
    public async Task A_page_outside_the_role_sends_to_access_denied()
    {
        var desk = await factory.SignInAsync("motcua.camthuong");
        var response = await desk.GetAsync("/Integration");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task Jobs_dashboard_is_for_system_admins_only()
    {
        var leader = await factory.SignInAsync("lanhdao.tinh");
        var denied = await leader.GetAsync("/jobs");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");

        var admin = await factory.SignInAsync("admin");
        var dashboard = await admin.GetAsync("/jobs");
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Language_switch_turns_the_shell_to_English_and_back()
    {
        var client = await factory.SignInAsync("lanhdao.tinh");
        var switched = await OneStopFactory.PostFormAsync(client, "/", "/Account/Culture", new() { ["culture"] = "en-US", ["returnUrl"] = "/" });
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var english = await client.GetStringAsync("/");
        english.ShouldContain("<html lang=\"en\">");
        english.ShouldContain("District-level units");

        await OneStopFactory.PostFormAsync(client, "/", "/Account/Culture", new() { ["culture"] = "vi-VN", ["returnUrl"] = "/" });
        (await client.GetStringAsync("/")).ShouldContain("Đơn vị cấp huyện");
    }

    [Fact]
    public async Task Unknown_pages_get_the_Vietnamese_error_page_and_unknown_api_paths_ProblemDetails()
    {
        var client = await factory.SignInAsync("motcua.binhhan");
        var page = await client.GetAsync("/khong-co-trang-nay");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync()).ShouldContain("Không tìm thấy trang");

        var api = await client.GetAsync("/api/v1/khong-co");
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
