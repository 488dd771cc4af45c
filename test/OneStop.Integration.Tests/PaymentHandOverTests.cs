using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Integration.Contracts;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.TestKit;

namespace OneStop.Integration.Tests;

/// <summary>
/// The payment simulator sends the payer back to a merchant on another site with a page that navigates (a refresh and a
/// link), not a 302: our Content-Security-Policy (<c>form-action 'self'</c>) stops a browser from following a form's
/// redirect to another origin. A merchant address on this site stays a 302 (OnlinePaymentTests).
/// </summary>
public sealed class PaymentHandOverTests(PaymentHandOverTests.Fixture fx) : IClassFixture<PaymentHandOverTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        public Fixture() => With("Integration:Sandbox:payment:LatencyMilliseconds", "1")
            .With("Integration:PortalSubmissions:Enabled", "false");
    }

    [Fact]
    public async Task A_payer_goes_back_to_a_merchant_on_another_site_through_a_page_that_navigates()
    {
        const string back = "https://dichvucong.haiduong.gov.vn/Portal/Submission?id=abc";
        var order = await fx.AsSystemAsync(async sp =>
        {
            var unit = (await sp.GetRequiredService<IAdministrativeUnitDirectory>().FindByCodeAsync("10507", new DateOnly(2026, 12, 7)))!;
            return await sp.GetRequiredService<IOnlinePaymentApi>().CreateOrderAsync(
                new OnlinePaymentRequest("TEST-HANDOVER-1", 10_000m, "Đăng ký khai sinh", back, unit.Id, unit.Path, "030090001234"));
        });
        var browser = fx.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var paid = await browser.PostAsync(new Uri(order.PaymentUrl).PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "pay" }));
        var page = WebUtility.HtmlDecode(await paid.Content.ReadAsStringAsync());
        paid.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        page.ShouldContain($"<meta http-equiv=\"refresh\" content=\"0;url={back}&status=paid\" />");
        page.ShouldContain($"href=\"{back}&status=paid\" data-testid=\"payment-continue\"");
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<IOnlinePaymentApi>().FindAsync("TEST-HANDOVER-1")))!.Paid.ShouldBeTrue();

        var cancelled = await browser.PostAsync(new Uri(order.PaymentUrl).PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "cancel" }));
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await cancelled.Content.ReadAsStringAsync()).ShouldContain($"href=\"{back}&status=cancelled\"");
    }
}
