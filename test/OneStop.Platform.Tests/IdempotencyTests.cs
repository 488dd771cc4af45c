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
