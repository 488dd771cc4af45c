using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Integration.Tests;

/// <summary>The simulators run alone (etc/simulators): no database, no other module, behaviour switched over HTTP.</summary>
public sealed class StandaloneSimulatorTests
{
    [Fact]
    public async Task The_simulators_serve_without_the_platform_and_misbehave_on_request()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthorization();
        IntegrationModule.AddSimulators(builder.Services);
        await using var app = builder.Build();
        app.UseAuthorization();
        IntegrationModule.MapSimulators(app);
        await app.StartAsync();
        var client = app.GetTestClient();

        var verified = await client.PostAsJsonAsync("/sandbox/population/citizens/verify", new { citizenId = "030090001234", fullName = "Nguyen Van An", dateOfBirth = "1990-05-12" });
        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("citizen").GetProperty("fullName").GetString().ShouldBe("Nguyễn Văn An");
        (await client.GetAsync("/sandbox/business/enterprises/0800123456")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.PutAsJsonAsync("/sandbox/land/behaviour", new { latencyMilliseconds = 0, errorRate = 0.0, downForSeconds = 60 })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync("/sandbox/land/parcels/CH123456")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.PutAsJsonAsync("/sandbox/land/behaviour", new { latencyMilliseconds = 0, errorRate = 2.0, downForSeconds = 0 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PutAsJsonAsync("/sandbox/nowhere/behaviour", new { latencyMilliseconds = 0, errorRate = 0.0, downForSeconds = 0 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var report = new HttpRequestMessage(HttpMethod.Post, "/sandbox/command-centre/indicators") { Content = JsonContent.Create(new { period = "2026", indicators = new[] { new { code = "plan.on-time" } } }) };
        report.Headers.Add("Idempotency-Key", "indicators:2026:20261125");
        (await client.SendAsync(report)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<JsonElement>("/sandbox/command-centre/indicators")).GetArrayLength().ShouldBe(1);
        await app.StopAsync();
    }
}
