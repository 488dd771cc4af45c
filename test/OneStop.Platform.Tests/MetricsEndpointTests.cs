using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Messaging;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests;

/// <summary>
/// The Prometheus endpoint (ADR 0041) answers system admins only, and shows the standard HTTP server metrics beside the
/// platform's own: the outbox lag of an event just delivered, events delivered by type.
/// </summary>
public sealed class MetricsEndpointTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task Metrics_need_a_system_admin_and_show_http_server_and_outbox_lag()
    {
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var unsigned = await anonymous.GetAsync("/metrics");
        unsigned.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Unauthorized);
        (await unsigned.Content.ReadAsStringAsync()).ShouldNotContain("http_server_request_duration");

        var leader = await factory.SignInAsync("lanhdao.tinh");
        var denied = await leader.GetAsync("/metrics");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");

        // Something to measure: a calendar change publishes an event, the relay delivers it.
        var admin = await factory.SignInAsync("admin");
        var added = await admin.PostAsJsonAsync("/api/v1/counters/calendar/days-off", new { date = "2026-12-31", kind = "holiday", name = "Nghỉ đo thử", source = "test" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        (await factory.Services.GetRequiredService<OutboxRelay>().RelayOnceAsync()).ShouldBeGreaterThan(0);

        var metrics = await admin.GetAsync("/metrics");
        var text = await metrics.Content.ReadAsStringAsync();
        metrics.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        metrics.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        text.ShouldContain("http_server_request_duration_seconds_bucket");
        text.ShouldContain("onestop_outbox_lag_seconds_bucket");
        text.ShouldContain("event=\"WorkingCalendarChanged\"");
        text.ShouldContain("onestop_outbox_delivered");
    }
}
