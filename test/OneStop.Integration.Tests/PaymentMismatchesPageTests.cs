using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Integration.Features.Payments;
using OneStop.Integration.Infrastructure;
using OneStop.Platform.TestKit;

namespace OneStop.Integration.Tests;

/// <summary>
/// "Chênh lệch đối soát thanh toán" (/Integration/PaymentMismatches): the daily reconciliation's findings for the
/// administrators — a menu entry, an empty state, 50 a page newest day first, a range of days, the kinds by their
/// Vietnamese names (never the stored codes) and the same list as Excel; a desk officer does not open it.
/// </summary>
public sealed class PaymentMismatchesPageTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private const string Page = "/Integration/PaymentMismatches";

    [Fact]
    public async Task Admins_page_through_the_mismatches_by_day_with_names_and_export_them()
    {
        var admin = await fx.SignInAsync("admin");
        (await admin.GetStringAsync("/")).ShouldContain($"href=\"{Page}\"");
        var empty = await admin.GetStringAsync(Page);
        empty.ShouldContain("data-empty-state");

        // 60 findings over three days, the three kinds.
        await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<IntegrationDbContext>();
            string[] kinds = [PaymentMismatch.MissingHere, PaymentMismatch.MissingOnPlatform, PaymentMismatch.AmountDiffers];
            for (var i = 0; i < 60; i++)
            {
                db.PaymentMismatches.Add(new PaymentMismatch
                {
                    Day = new DateOnly(2026, 12, 1 + i % 3), Reference = $"TT-{i:000}", Kind = kinds[i % 3],
                    OurAmountVnd = i % 3 == 0 ? null : 10_000, PlatformAmountVnd = i % 3 == 1 ? null : 12_000, TransactionId = $"GD{i:000}",
                    FoundAt = new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.Zero),
                });
            }

            return await db.SaveChangesAsync();
        });

        var first = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));
        Count(first).ShouldBe(50);
        first.ShouldContain("TT-002"); // 2026-12-03 first
        first.ShouldContain("Nền tảng đã thu, hệ thống chưa ghi nhận");
        first.ShouldContain("Hệ thống ghi nhận, nền tảng không có");
        first.ShouldContain("Số tiền khác nhau");
        first.ShouldContain("12.000 đ");
        foreach (var code in new[] { PaymentMismatch.MissingHere, PaymentMismatch.MissingOnPlatform, PaymentMismatch.AmountDiffers })
        {
            first.ShouldNotContain(code);
        }

        first.ShouldContain("p=2");
        Count(await admin.GetStringAsync(Page + "?p=2")).ShouldBe(10);

        var oneDay = WebUtility.HtmlDecode(await admin.GetStringAsync(Page + "?from=2026-12-02&to=2026-12-02"));
        Count(oneDay).ShouldBe(20);
        oneDay.ShouldContain("TT-001");
        oneDay.ShouldNotContain("TT-000<");
        Count(await admin.GetStringAsync(Page + "?from=2027-01-01")).ShouldBe(0);

        using var export = await admin.GetAsync(Page + "?handler=Export&from=2026-12-02&to=2026-12-02");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        bytes[..2].ShouldBe("PK"u8.ToArray());

        // Not for a desk officer (no Integration.Exchanges.Read).
        var desk = await fx.SignInAsync("motcua.camthuong");
        using var refused = await desk.GetAsync(Page);
        refused.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await desk.GetStringAsync("/")).ShouldNotContain($"href=\"{Page}\"");
    }

    private static int Count(string html) => html.Split("data-testid=\"payment-mismatch\"").Length - 1;
}
