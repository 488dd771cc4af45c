using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Integration.Delivery;
using OneStop.Integration.Simulators;
using OneStop.Platform.Messaging;
using OneStop.Platform.TestKit;

namespace OneStop.Integration.Tests;

/// <summary>
/// Fees paid on the portal's payment platform reach the dossier (Decision 766, online payment); its own host, so the
/// ward's list of new online dossiers holds only these.
/// </summary>
// One collection: both pull from the same portal simulator feed, which two parallel classes would share.
[Collection("Portal feed")]
public sealed class PortalPaymentTests(PortalSubmissionTests.Fixture fx) : IClassFixture<PortalSubmissionTests.Fixture>
{
    [Fact]
    public async Task Fees_paid_on_the_portal_count_as_paid_online_and_unpaid_ones_wait_for_the_desk()
    {
        fx.Clock.SetVietnamTime(2026, 12, 7, 10);
        try
        {
            // Đăng ký thường trú online: the catalogue charges 10,000 đ on the online channel.
            var portal = fx.Services.GetRequiredService<PortalSimulator>();
            var paid = portal.Submit("10507", "1.004222", "030090001234", "Nguyễn Văn An", ["CT-CT01", "CT-CHOHP"], paidVnd: 10_000);
            var unpaid = portal.Submit("10507", "1.004222", "030090001234", "Nguyễn Văn An", ["CT-CT01", "CT-CHOHP"]);
            paid.Payment!.TransactionId.ShouldNotBeNullOrEmpty();
            var puller = fx.Services.GetRequiredService<OneStop.Integration.Features.PortalSubmissions.PortalSubmissionPuller>();
            (await puller.PullAsync(CancellationToken.None)).ShouldBe(2);
            var relay = fx.Services.GetRequiredService<OutboxRelay>();
            await relay.RelayOnceAsync();
            await relay.RelayOnceAsync();

            var desk = await fx.SignInAsync("motcua.camthuong");
            async Task<JsonElement> DossierOf(string reference)
            {
                var list = await desk.GetFromJsonAsync<JsonElement>("/api/v1/counters/dossiers?channel=ONLINE&status=NEW&pageSize=100");
                foreach (var item in list.GetProperty("items").EnumerateArray())
                {
                    var dossier = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/counters/dossiers/{item.GetProperty("id").GetGuid()}");
                    if (dossier.GetProperty("note").GetString()!.Contains(reference, StringComparison.Ordinal))
                    {
                        return dossier;
                    }
                }

                throw new ShouldAssertException($"No dossier for {reference}");
            }

            var paidDossier = await DossierOf(paid.Reference);
            paidDossier.GetProperty("feeVnd").GetDecimal().ShouldBe(10_000m);
            paidDossier.GetProperty("paymentMethod").GetString().ShouldBe(PaymentMethods.Online);
            paidDossier.GetProperty("note").GetString()!.ShouldContain($"Đã thanh toán trực tuyến 10.000 đ, mã giao dịch {paid.Payment.TransactionId}");
            var unpaidDossier = await DossierOf(unpaid.Reference);
            unpaidDossier.GetProperty("feeVnd").GetDecimal().ShouldBe(10_000m);
            unpaidDossier.GetProperty("paymentMethod").ValueKind.ShouldBe(JsonValueKind.Null);
        }
        finally
        {
            fx.Clock.Reset();
        }
    }
}
