using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Evaluation.Contracts;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests.Portal;

/// <summary>
/// "Phản ánh, kiến nghị của tôi" (/Portal/MyComplaints) pages its list as the other portal lists do: newest first, 20 a
/// page, an "older" link with an opaque cursor and a "newest" link back; a cursor altered by hand starts from the newest.
/// </summary>
public sealed class MyComplaintsPagingTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private static List<string> Subjects(string html) =>
        Regex.Matches(WebUtility.HtmlDecode(html), @"<h3 class=""h6 mb-1"">([^<]+)</h3>").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task Twenty_five_complaints_show_twenty_then_five_newest_first()
    {
        const string identity = "030090006901";
        // Signed in first, on the real clock; the complaints then come in half a minute apart.
        var citizen = await CitizenSignIn.SignInAsync(fx, identity, "Đinh Thị Thu", returnUrl: "/Portal/MyComplaints");
        try
        {
            await fx.AsSystemAsync(async sp =>
            {
                var province = await sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits.SingleAsync(u => u.Code == "30");
                using var _ = sp.GetRequiredService<ICurrentScope>().Change(new UnitScope(province.Id, province.Path, province.Name), null, "VNeID ••••6901");
                var feedback = sp.GetRequiredService<ICitizenFeedbackApi>();
                for (var i = 1; i <= 25; i++)
                {
                    fx.Clock.Advance(TimeSpan.FromSeconds(30)); // received one after another
                    await feedback.ComplainAsync(identity, "Đinh Thị Thu", "0912000444", null, $"Phản ánh số {i:00}", $"Nội dung phản ánh số {i:00} về thủ tục.");
                }

                return 0;
            });

            var first = await citizen.GetStringAsync("/Portal/MyComplaints");
            Subjects(first).ShouldBe(Enumerable.Range(6, 20).Reverse().Select(i => $"Phản ánh số {i:00}").ToList());
            first.ShouldNotContain("data-testid=\"my-complaints-newest\"");
            var next = Regex.Match(first, @"href=""(/Portal/MyComplaints\?cursor=[^""]+)"" data-testid=""my-complaints-next""").Groups[1].Value;
            next.ShouldNotBeEmpty();

            var second = await citizen.GetStringAsync(WebUtility.HtmlDecode(next));
            Subjects(second).ShouldBe(Enumerable.Range(1, 5).Reverse().Select(i => $"Phản ánh số {i:00}").ToList());
            second.ShouldContain("data-testid=\"my-complaints-newest\"");
            second.ShouldNotContain("data-testid=\"my-complaints-next\"");

            // A cursor altered by hand is not an error: the newest page again.
            using var tampered = await citizen.GetAsync("/Portal/MyComplaints?cursor=not-a-cursor");
            tampered.StatusCode.ShouldBe(HttpStatusCode.OK);
            Subjects(await tampered.Content.ReadAsStringAsync()).First().ShouldBe("Phản ánh số 25");
        }
        finally
        {
            fx.Clock.Reset();
        }
    }
}
