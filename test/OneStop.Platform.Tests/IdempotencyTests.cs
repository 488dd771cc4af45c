using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests;

/// <summary>Create endpoints honour Idempotency-Key: a retried request never creates a second resource.</summary>
public sealed class IdempotencyTests(OneStopFactory factory) : IClassFixture<OneStopFactory>
{
    [Fact]
    public async Task Same_key_and_body_returns_the_first_response_without_a_second_row()
    {
        var admin = await factory.SignInAsync("admin");
        var body = new { code = "IDEM-1", name = "Trung tâm thử nghiệm", kind = "service-center" };

        var first = await Post(admin, "key-1", body);
        var second = await Post(admin, "key-1", body);

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        var id1 = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var id2 = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        id2.ShouldBe(id1);
        (await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Agencies.CountAsync(a => a.Code == "IDEM-1"))).ShouldBe(1);
    }

    [Fact]
    public async Task Same_key_with_another_body_is_a_422()
    {
        var admin = await factory.SignInAsync("admin");
        (await Post(admin, "key-2", new { code = "IDEM-2", name = "A", kind = "office" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var reused = await Post(admin, "key-2", new { code = "IDEM-3", name = "B", kind = "office" });

        reused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Platform.IdempotencyKeyReused");
    }

    [Fact]
    public async Task Without_a_key_a_duplicate_code_is_a_409_conflict()
    {
        var admin = await factory.SignInAsync("admin");
        (await admin.PostAsJsonAsync("/api/v1/platform/agencies", new { code = "IDEM-4", name = "A", kind = "office" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var duplicate = await admin.PostAsJsonAsync("/api/v1/platform/agencies", new { code = "IDEM-4", name = "A", kind = "office" });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Platform.Conflict");
    }

    /// <summary>
    /// Issue 19 item 5: the process serving the first request dies after storing the key and before its write commits
    /// (simulated: the key is left without a response and the row it would have written is not there). A retry within the
    /// lease is told the request is in progress; once the lease has run out — seconds, not the day the key is kept —
    /// the retry takes the key over and completes, exactly once, and later retries replay its response.
    /// </summary>
    [Fact]
    public async Task A_retry_after_the_first_request_died_completes_exactly_once_once_the_lease_runs_out()
    {
        var admin = await factory.SignInAsync("admin");
        var body = new { code = "IDEM-DIED", name = "Trung tâm thử sự cố", kind = "service-center" };
        (await Post(admin, "key-died", body)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var now = factory.Clock.GetUtcNow();
        await factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            await db.Agencies.Where(a => a.Code == "IDEM-DIED").ExecuteDeleteAsync();
            return await db.IdempotencyRecords.Where(r => r.Key == "key-died").ExecuteUpdateAsync(u => u
                .SetProperty(r => r.StatusCode, (int?)null).SetProperty(r => r.ResponseJson, (string?)null).SetProperty(r => r.Location, (string?)null)
                .SetProperty(r => r.LeaseUntil, now + OneStop.Platform.Web.IdempotencyEndpointExtensions.Lease));
        });

        // Within the lease the first request might still be running: in progress, nothing written.
        var early = await Post(admin, "key-died", body);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Platform.IdempotencyInProgress");

        // No renewal came (the process is gone): after the lease the retry runs, once.
        factory.Clock.Advance(OneStop.Platform.Web.IdempotencyEndpointExtensions.Lease + TimeSpan.FromSeconds(1));
        admin = await factory.SignInAsync("admin");
        var retried = await Post(admin, "key-died", body);
        retried.StatusCode.ShouldBe(HttpStatusCode.Created, await retried.Content.ReadAsStringAsync());
        var replayed = await Post(admin, "key-died", body);
        replayed.StatusCode.ShouldBe(HttpStatusCode.Created);
        replayed.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Agencies.CountAsync(a => a.Code == "IDEM-DIED"))).ShouldBe(1);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/platform/agencies") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task Keys_older_than_a_day_are_removed_by_the_cleanup_job()
    {
        var removed = await factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            db.IdempotencyRecords.Add(new OneStop.Platform.Identity.IdempotencyRecord
            {
                Caller = "cleanup-test", Key = "old", RequestHash = "x", CreatedAt = DateTimeOffset.UtcNow.AddHours(-25),
            });
            db.IdempotencyRecords.Add(new OneStop.Platform.Identity.IdempotencyRecord
            {
                Caller = "cleanup-test", Key = "fresh", RequestHash = "x", CreatedAt = DateTimeOffset.UtcNow.AddHours(-1),
            });
            await db.SaveChangesAsync();
            return await ActivatorUtilities.CreateInstance<OneStop.Platform.Jobs.IdempotencyCleanupJob>(sp).RunAsync(CancellationToken.None);
        });

        removed.ShouldBe(1);
        (await factory.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().IdempotencyRecords
            .Where(r => r.Caller == "cleanup-test").Select(r => r.Key).ToListAsync())).ShouldBe(["fresh"]);
    }
}
