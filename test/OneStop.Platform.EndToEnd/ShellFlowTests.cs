using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.Platform.Identity;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.EndToEnd;

/// <summary>What a person sees in a real browser: Vietnamese login, the province or only one commune, unit and language switch.</summary>
public sealed class ShellFlowTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Provincial_leader_signs_in_and_sees_12_districts_and_235_communes()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        (await page.TitleAsync()).ShouldStartWith("Đăng nhập");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("vi");
        await BrowserHost.ScreenshotAsync(page, "login");

        await BrowserHost.SignInAsync(page, "lanhdao.tinh");
        (await page.GetByTestId("home-unit").InnerTextAsync()).ShouldBe("Tỉnh Hải Dương");
        (await page.GetByTestId("count-districts").InnerTextAsync()).ShouldBe("12");
        (await page.GetByTestId("count-communes").InnerTextAsync()).ShouldBe("235");
        await BrowserHost.ScreenshotAsync(page, "home-provincial-leader");

        await page.GetByRole(AriaRole.Link, new() { Name = "Đơn vị hành chính" }).ClickAsync();
        await page.GetByLabel("Cấp").SelectOptionAsync("district");
        await page.WaitForURLAsync("**/Units?level=district", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await page.GetByTestId("units-table").Locator("tbody tr").CountAsync()).ShouldBe(12);
    }

    [Fact]
    public async Task Commune_officer_sees_only_that_commune()
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "motcua.camthuong");
        (await page.GetByTestId("home-unit").InnerTextAsync()).ShouldBe("Phường Cẩm Thượng");
        (await page.GetByTestId("count-communes").InnerTextAsync()).ShouldBe("1");
        (await page.GetByTestId("count-districts").CountAsync()).ShouldBe(0);

        await page.GotoAsync("/Units");
        var rows = page.GetByTestId("units-table").Locator("tbody tr");
        (await rows.CountAsync()).ShouldBe(1);
        (await rows.First.InnerTextAsync()).ShouldContain("Phường Cẩm Thượng");
    }

    [Fact]
    public async Task A_person_with_two_units_switches_between_them()
    {
        // The district specialist also works at the Cẩm Thượng desk.
        await host.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var user = await db.Users.SingleAsync(u => u.UserName == "chuyenvien.tphd");
            var ward = await db.AdministrativeUnits.SingleAsync(u => u.Code == "10507");
            db.UnitMemberships.Add(new UnitMembership { UserId = user.Id, UnitId = ward.Id, UnitPath = ward.Path, Roles = [Roles.DeskOfficer] });
            return await db.SaveChangesAsync();
        });

        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "chuyenvien.tphd");
        (await page.GetByTestId("home-unit").InnerTextAsync()).ShouldBe("Thành phố Hải Dương");

        await page.GetByTestId("unit-switcher").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Phường Cẩm Thượng" }).ClickAsync();
        // The switch posts and redirects home; wait for the new page rather than for a load event that may already be past.
        await Assertions.Expect(page.GetByTestId("home-unit")).ToHaveTextAsync("Phường Cẩm Thượng");
        (await page.GetByTestId("count-communes").InnerTextAsync()).ShouldBe("1");
    }

    [Fact]
    public async Task Language_menu_switches_to_English()
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "lanhdao.tphd");
        await page.GetByRole(AriaRole.Button, new() { Name = "VI" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        (await page.GetByText("Commune-level units").CountAsync()).ShouldBe(1);
    }
}
