using OneStop.Conformance;
using OneStop.Integration.Contracts;
using OneStop.Platform.Identity;
using OneStop.Platform.Permissions;
using OneStop.Platform.TestKit;
using Xunit.Abstractions;

namespace OneStop.Platform.Tests.Api;

/// <summary>
/// The partners' conformance kit (etc/conformance) run against the embedded host, as a partner would run it against the
/// sandbox: every check passes, including idempotency (the client may manage webhooks) and the 429 past the rate limit.
/// </summary>
public sealed class ConformanceKitTests(ConformanceKitTests.Fixture fx, ITestOutputHelper output) : IClassFixture<ConformanceKitTests.Fixture>
{
    public const string ClientId = "conformance-kit";
    public const string ClientSecret = "conformance-secret-2026";

    public sealed class Fixture : OneStopFactory
    {
        // A small quota, so the kit reaches the 429 in a few dozen calls.
        public Fixture() => With("Api:RateLimit:PermitsPerMinute", "60");

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await AsSystemAsync(async services =>
            {
                await ApiClientRegistrar.RegisterAsync(services, ClientId, ClientSecret, "Bộ kiểm tra tuân thủ (thử nghiệm)", "30",
                    [PlatformPermissions.UnitsRead, IntegrationPermissions.WebhooksManage]);
                return true;
            });
        }
    }

    [Fact]
    public async Task The_conformance_kit_passes_every_check_against_the_embedded_host()
    {
        using var http = fx.CreateClient();
        var report = await new ConformanceKit(http, new ConformanceOptions { ClientId = ClientId, ClientSecret = ClientSecret, ExhaustRateLimit = true }).RunAsync();
        var text = report.Render(http.BaseAddress!.ToString());
        output.WriteLine(text);

        report.Failed.ShouldBe(0, text);
        report.Skipped.ShouldBe(0, text);
        report.Passed.ShouldBeGreaterThanOrEqualTo(20, text);
    }
}
