using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Counters.Tests;

/// <summary>
/// The public side of Counters (ADR 0042): the dossier look-up by code and the identity's last four digits, throttled
/// after ten wrong tries in the database (shared by every host instance), and the catalogue as valid today searched
/// without diacritics through <see cref="ICountersPublicApi"/>.
/// </summary>
public abstract class PublicLookupTests<TFactory> where TFactory : OneStopFactory
{
    private readonly TFactory fx;

    protected PublicLookupTests(TFactory fx)
    {
        this.fx = fx;
        fx.Clock.SetVietnamTime(2026, 12, 7, 9);
    }

    private async Task<string> NewDossierAsync(string identity)
    {
        var desk = await fx.SignInAsync("motcua.camthuong");
        var response = await desk.PostAsJsonAsync("/api/v1/counters/dossiers", DossierApiTests<TFactory>.BirthRegistration(identity: identity));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task Ten_wrong_tries_block_the_code_even_with_the_right_digits_until_the_wait_is_over_and_the_count_is_in_the_database()
    {
        var code = await NewDossierAsync("030090005678");
        var anonymous = fx.CreateClient();
        (await anonymous.GetAsync($"/api/v1/counters/public/dossiers/{code}?last4=5678")).StatusCode.ShouldBe(HttpStatusCode.OK);

        for (var i = 1; i <= PublicLookupLimits.FreeTries; i++)
        {
            (await anonymous.GetAsync($"/api/v1/counters/public/dossiers/{code}?last4={1000 + i}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"wrong try {i}");
        }

        // The eleventh try is not even checked: the right digits get the same refusal, with a time to come back.
        var blocked = await anonymous.GetAsync($"/api/v1/counters/public/dossiers/{code}?last4=5678");
        blocked.StatusCode.ShouldBe((HttpStatusCode)429);
        blocked.Headers.RetryAfter.ShouldNotBeNull();
        var problem = JsonDocument.Parse(await blocked.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("code").GetString().ShouldBe(CountersErrorCodes.PublicLookupThrottled);
        problem.GetProperty("title").GetString()!.ShouldContain("quá nhiều lần");

        // Another instance would see the same count: it is a row of platform.SignInThrottles, not memory.
        var failures = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().SignInThrottles
            .Where(t => t.Key == "lookup-code:" + code).Select(t => t.Failures).SingleAsync());
        failures.ShouldBe(PublicLookupLimits.FreeTries);

        // Other dossiers are not blocked by this one's code.
        var other = await NewDossierAsync("030090004321");
        (await anonymous.GetAsync($"/api/v1/counters/public/dossiers/{other}?last4=4321")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // After the wait the right digits work again and forget the code's wrong tries.
        fx.Clock.Advance(PublicLookupLimits.Block + TimeSpan.FromSeconds(1));
        (await anonymous.GetAsync($"/api/v1/counters/public/dossiers/{code}?last4=5678")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().SignInThrottles.CountAsync(t => t.Key == "lookup-code:" + code))).ShouldBe(0);
    }

    [Fact]
    public async Task The_public_catalogue_finds_procedures_without_diacritics_and_shows_the_version_valid_today()
    {
        await fx.AsSystemAsync(async sp =>
        {
            var catalogue = sp.GetRequiredService<ICountersPublicApi>();
            var page = await catalogue.SearchProceduresAsync("dang ky khai sinh", null, null, null, 50);
            page.Items.ShouldNotBeEmpty();
            page.Items.ShouldContain(p => p.Code == "1.001193" && p.Name.Contains("đăng ký khai sinh", StringComparison.OrdinalIgnoreCase));
            foreach (var word in new[] { "dang", "ky", "khai", "sinh" })
            {
                page.Items.ShouldAllBe(p => OneStop.Platform.VietnameseText.Fold(p.Name + " " + p.Code).Contains(word));
            }

            (await catalogue.SearchProceduresAsync("  KHAI   sinh dang ", null, null, null, 50)).Items.Select(p => p.Code).ShouldBe(page.Items.Select(p => p.Code));

            var birth = await catalogue.ProcedureAsync("1.001193");
            birth.ShouldNotBeNull();
            birth.Name.ShouldContain("đăng ký khai sinh", Case.Insensitive);
            birth.Components.ShouldNotBeEmpty();
            birth.Channels.ShouldContain(DossierChannels.Direct);
            birth.LegalTimes.ShouldNotBeEmpty();
            (await catalogue.ProcedureAsync("no-such-code")).ShouldBeNull();
            return 0;
        });
    }
}

public sealed class PostgreSqlPublicLookupTests(OneStopFactory factory) : PublicLookupTests<OneStopFactory>(factory), IClassFixture<OneStopFactory>;

public sealed class SqlitePublicLookupTests(SqliteOneStopFactory factory) : PublicLookupTests<SqliteOneStopFactory>(factory), IClassFixture<SqliteOneStopFactory>;
