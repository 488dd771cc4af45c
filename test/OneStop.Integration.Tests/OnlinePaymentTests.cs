using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Integration.Contracts;
using OneStop.Integration.Features.Payments;
using OneStop.Integration.Infrastructure;
using OneStop.Integration.Simulators;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Scoping;
using OneStop.Platform.TestKit;

namespace OneStop.Integration.Tests;

/// <summary>
/// Online payment through the payment platform's simulator (ADR 0049) on PostgreSQL: an order, the payer's "Thanh
/// toán", the signed callback recorded once; forged callbacks (bad signature, wrong amount, unknown reference) refused
/// with their codes and nothing paid; a replay changes nothing; the daily reconciliation finds what differs.
/// </summary>
public sealed class OnlinePaymentTests(OnlinePaymentTests.Fixture fx) : IClassFixture<OnlinePaymentTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        public Fixture() => With("Integration:Sandbox:payment:LatencyMilliseconds", "1")
            .With("Integration:PortalSubmissions:Enabled", "false");
    }

    private async Task<(Guid Id, string Path)> WardAsync() => await fx.AsSystemAsync(async sp =>
    {
        var unit = (await sp.GetRequiredService<IAdministrativeUnitDirectory>().FindByCodeAsync("10507", new DateOnly(2026, 12, 7)))!;
        return (unit.Id, unit.Path);
    });

    private async Task<OnlinePaymentOrder> OrderAsync(string reference, decimal amount)
    {
        var (id, path) = await WardAsync();
        return await fx.AsSystemAsync(sp => sp.GetRequiredService<IOnlinePaymentApi>().CreateOrderAsync(
            new OnlinePaymentRequest(reference, amount, "Đăng ký thường trú", "/Portal/Submission?id=x", id, path, "030090001234")));
    }

    private Task<OnlinePaymentState?> StateAsync(string reference) =>
        fx.AsSystemAsync(sp => sp.GetRequiredService<IOnlinePaymentApi>().FindAsync(reference));

    private static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    [Fact]
    public async Task A_paid_order_is_recorded_once_from_the_signed_callback_and_forged_ones_change_nothing()
    {
        fx.Clock.SetVietnamTime(2026, 12, 7, 10);
        try
        {
            var order = await OrderAsync("TEST-PAY-1", 10_000m);
            (await StateAsync("TEST-PAY-1"))!.Paid.ShouldBeFalse();
            var browser = fx.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var page = await browser.GetStringAsync(new Uri(order.PaymentUrl).PathAndQuery);
            page.ShouldContain("10.000");
            page.ShouldContain("Thanh toán");

            var simulator = fx.Services.GetRequiredService<PaymentPlatformSimulator>();
            var api = fx.CreateClient();
            // Forged before the real one: a callback signed with another secret, and one with the amount changed after signing.
            var genuine = simulator.Find(order.OrderId)!;
            var forgedAt = DateTimeOffset.UtcNow.ToString("O");
            var forged = new PaymentCallbackBody("TEST-PAY-1", "GD-FORGED", 10_000, forgedAt, "PAID",
                PaymentSignature.Sign("not-the-secret", "TEST-PAY-1", "GD-FORGED", 10_000, forgedAt, "PAID"));
            var refused = await api.PostAsJsonAsync("/api/v1/integration/payments/callback", forged);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await CodeOf(refused)).ShouldBe(IntegrationErrorCodes.PaymentSignatureInvalid);
            var altered = forged with { Signature = PaymentSignature.Sign(simulator.Secret, "TEST-PAY-1", "GD-FORGED", 10_000, forgedAt, "PAID"), Amount = 1_000 };
            (await CodeOf(await api.PostAsJsonAsync("/api/v1/integration/payments/callback", altered))).ShouldBe(IntegrationErrorCodes.PaymentSignatureInvalid);
            // Correctly signed, but not the order's amount: refused with its own code.
            var wrongAmount = new PaymentCallbackBody("TEST-PAY-1", "GD-WRONG", 1_000, forgedAt, "PAID",
                PaymentSignature.Sign(simulator.Secret, "TEST-PAY-1", "GD-WRONG", 1_000, forgedAt, "PAID"));
            var wrong = await api.PostAsJsonAsync("/api/v1/integration/payments/callback", wrongAmount);
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await CodeOf(wrong)).ShouldBe(IntegrationErrorCodes.PaymentAmountMismatch);
            JsonDocument.Parse(await wrong.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString()!.ShouldContain("không được ghi nhận");
            var unknown = new PaymentCallbackBody("NO-SUCH-ORDER", "GD-X", 10_000, forgedAt, "PAID",
                PaymentSignature.Sign(simulator.Secret, "NO-SUCH-ORDER", "GD-X", 10_000, forgedAt, "PAID"));
            (await CodeOf(await api.PostAsJsonAsync("/api/v1/integration/payments/callback", unknown))).ShouldBe(IntegrationErrorCodes.PaymentUnknownReference);
            (await StateAsync("TEST-PAY-1"))!.Paid.ShouldBeFalse("nothing forged is recorded as paid");

            // The payer presses "Thanh toán": the platform posts the signed callback, then sends the browser back.
            var paid = await browser.PostAsync(new Uri(order.PaymentUrl).PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "pay" }));
            paid.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            paid.Headers.Location!.ToString().ShouldContain("status=paid");
            var state = (await StateAsync("TEST-PAY-1"))!;
            state.Paid.ShouldBeTrue();
            state.TransactionId.ShouldBe(genuine.TransactionId);

            // A replay of the same transaction answers success and changes nothing; another transaction for it is refused.
            var replay = await api.PostAsJsonAsync("/api/v1/integration/payments/callback", simulator.CallbackOf(genuine));
            replay.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await replay.Content.ReadAsStringAsync()).ShouldContain("already-recorded");
            var second = new PaymentCallbackBody("TEST-PAY-1", "GD-OTHER", 10_000, forgedAt, "PAID",
                PaymentSignature.Sign(simulator.Secret, "TEST-PAY-1", "GD-OTHER", 10_000, forgedAt, "PAID"));
            (await CodeOf(await api.PostAsJsonAsync("/api/v1/integration/payments/callback", second))).ShouldBe(IntegrationErrorCodes.PaymentAlreadyPaid);
            var after = (await StateAsync("TEST-PAY-1"))!;
            after.TransactionId.ShouldBe(state.TransactionId);
            after.PaidAt.ShouldBe(state.PaidAt);
            (await fx.AsSystemAsync(sp => sp.GetRequiredService<IntegrationDbContext>().OnlinePayments.IgnoreQueryFilters().CountAsync(p => p.Reference == "TEST-PAY-1")))
                .ShouldBe(1);
            // The write is audited in the ward's scope, with the platform as the actor.
            var payment = await fx.AsSystemAsync(sp => sp.GetRequiredService<IntegrationDbContext>().OnlinePayments.IgnoreQueryFilters().SingleAsync(p => p.Reference == "TEST-PAY-1"));
            payment.UnitPath.ShouldBe((await WardAsync()).Path);
            payment.ModifiedBy.ShouldBe(PaymentCallback.PlatformActor);

            // The platform sends the same callback twice at once: both answered as success, one payment recorded.
            var twice = await OrderAsync("TEST-PAY-2", 15_000m);
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => simulator.PayAsync(simulator.Find(twice.OrderId)!, CancellationToken.None)));
            answers.ShouldAllBe(ok => ok);
            (await StateAsync("TEST-PAY-2"))!.TransactionId.ShouldBe(simulator.Find(twice.OrderId)!.TransactionId);
        }
        finally
        {
            fx.Clock.Reset();
        }
    }

    [Fact]
    public async Task The_daily_reconciliation_records_a_payment_missing_here_and_one_with_another_amount_once()
    {
        fx.Clock.SetVietnamTime(2026, 12, 8, 15);
        try
        {
            var simulator = fx.Services.GetRequiredService<PaymentPlatformSimulator>();
            // Paid on the platform, but its callback never reached us (it went to a wrong address).
            var lost = simulator.Create("TEST-REC-LOST", 20_000, "Lệ phí", "/", "http://localhost/nowhere");
            (await simulator.PayAsync(lost, CancellationToken.None)).ShouldBeFalse();
            // Paid and recorded here, but the platform's statement shows another amount.
            var order = await OrderAsync("TEST-REC-AMOUNT", 10_000m);
            (await simulator.PayAsync(simulator.Find(order.OrderId)!, CancellationToken.None)).ShouldBeTrue();
            simulator.Find(order.OrderId)!.StatementAmount = 100_000;
            // Paid and matching: no mismatch.
            var fine = await OrderAsync("TEST-REC-FINE", 5_000m);
            (await simulator.PayAsync(simulator.Find(fine.OrderId)!, CancellationToken.None)).ShouldBeTrue();

            fx.Clock.SetVietnamTime(2026, 12, 9, 2);
            var found = await fx.AsSystemAsync(sp => sp.GetRequiredService<PaymentReconciliation>().RunAsync(CancellationToken.None));
            found.ShouldBe(2);
            (await fx.AsSystemAsync(sp => sp.GetRequiredService<PaymentReconciliation>().RunAsync(CancellationToken.None))).ShouldBe(0, "a second run of the day adds nothing");

            var admin = await fx.SignInAsync("admin");
            var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integration/payments/mismatches?day=2026-12-08");
            var rows = list.EnumerateArray().Select(r => (Reference: r.GetProperty("reference").GetString(), Kind: r.GetProperty("kind").GetString())).ToList();
            rows.ShouldContain(("TEST-REC-LOST", PaymentMismatch.MissingHere));
            rows.ShouldContain(("TEST-REC-AMOUNT", PaymentMismatch.AmountDiffers));
            rows.ShouldNotContain(r => r.Reference == "TEST-REC-FINE");
            // A desk officer may not read them.
            var desk = await fx.SignInAsync("motcua.camthuong");
            (await desk.GetAsync("/api/v1/integration/payments/mismatches")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        finally
        {
            fx.Clock.Reset();
        }
    }
}
