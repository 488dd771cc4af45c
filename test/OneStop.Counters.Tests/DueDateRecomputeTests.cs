using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.DueDate.Recompute;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Messaging;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Counters.Tests;

/// <summary>
/// A day off added to the calendar moves the due dates of the open dossiers it reaches (ADR 0040): the change publishes
/// <see cref="WorkingCalendarChanged"/>, Counters queues the recompute, and each moved dossier gets a history line, a
/// rebuilt explanation and a <see cref="DossierChanged"/> for the applicant; a dossier due before the day stays, a
/// second run moves nothing, and removing the day off moves the date back.
/// </summary>
public abstract class DueDateRecomputeTests<TFactory>(TFactory fx) where TFactory : OneStopFactory
{
    private const string Desk = "motcua.camthuong";
    private static readonly DateOnly DayOff = new(2026, 12, 15);

    private static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(expected, body.ValueKind == JsonValueKind.Undefined ? "" : body.ToString());
        return body;
    }

    // The clock stands still on the test server; sessions are signed in at the time set, so they are fresh there.
    private async Task<string> IntakeAsync(int day)
    {
        fx.Clock.SetVietnamTime(2026, 12, day, 9);
        var desk = await fx.SignInAsync(Desk);
        var dossier = await Ok(await desk.PostAsJsonAsync("/api/v1/counters/dossiers", DossierApiTests<TFactory>.BirthRegistration()), HttpStatusCode.Created);
        return dossier.GetProperty("id").GetString()!;
    }

    private Task<DueDateRecomputeResult> RecomputeAsync(string what) =>
        fx.AsSystemAsync(sp => sp.GetRequiredService<DueDateRecompute>().RunAsync("2026-12-15", null, what, CancellationToken.None));

    [Fact]
    public async Task A_day_off_moves_the_open_dossiers_it_reaches_with_history_and_an_event_and_its_removal_moves_them_back()
    {
        try
        {
            var before = await IntakeAsync(11);  // Friday 09:00 + 1 working day → Monday 14/12 09:00
            var reached = await IntakeAsync(14); // Monday 09:00 + 1 working day → Tuesday 15/12 09:00
            fx.Clock.SetVietnamTime(2026, 12, 14, 10);
            var desk = await fx.SignInAsync(Desk);
            var admin = await fx.SignInAsync("admin");
            (await Ok(await desk.GetAsync($"/api/v1/counters/dossiers/{reached}"))).GetProperty("dueAt").GetString().ShouldBe("2026-12-15T02:00:00+00:00");

            var added = await Ok(await admin.PostAsJsonAsync("/api/v1/counters/calendar/days-off",
                new { date = DayOff, kind = "holiday", name = "Nghỉ thử nghiệm", source = "test" }), HttpStatusCode.Created);

            // The change went out with the calendar row; delivered, it queues the recompute as a background job.
            var published = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Set<OutboxMessage>()
                .Where(m => m.Type.Contains(nameof(WorkingCalendarChanged))).Select(m => m.Payload).ToListAsync());
            published.ShouldHaveSingleItem().ShouldContain("2026-12-15");
            await fx.Services.GetRequiredService<OutboxRelay>().RelayOnceAsync();
            var queued = fx.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 100);
            queued.ShouldContain(j => j.Value.Job != null && j.Value.Job.Type == typeof(DueDateRecompute) && (string?)j.Value.Job.Args[0] == "2026-12-15");

            var first = await RecomputeAsync("Thêm ngày nghỉ Thứ Ba 15/12/2026 (Nghỉ thử nghiệm)");
            first.Moved.ShouldBe(1);
            first.NotCovered.ShouldBe(0);

            var moved = await Ok(await desk.GetAsync($"/api/v1/counters/dossiers/{reached}"));
            moved.GetProperty("dueAt").GetString().ShouldBe("2026-12-16T02:00:00+00:00");
            var line = moved.GetProperty("history").EnumerateArray().Last();
            line.GetProperty("transition").GetString().ShouldBe("RESCHEDULED");
            line.GetProperty("reason").GetString()!.ShouldContain("15/12/2026 09:00 → 16/12/2026 09:00");
            string.Join("\n", moved.GetProperty("dueExplanation").EnumerateArray().Select(e => e.GetString())).ShouldContain("Nghỉ thử nghiệm");
            (await Ok(await desk.GetAsync($"/api/v1/counters/dossiers/{before}"))).GetProperty("dueAt").GetString().ShouldBe("2026-12-14T02:00:00+00:00");

            var events = await fx.AsSystemAsync(sp => sp.GetRequiredService<CountersDbContext>().Set<OutboxMessage>()
                .Where(m => m.Type.Contains(nameof(DossierChanged)) && m.Payload.Contains(reached) && m.Payload.Contains("RESCHEDULED")).CountAsync());
            events.ShouldBe(1);

            (await RecomputeAsync("again")).Moved.ShouldBe(0);

            await Ok(await admin.DeleteAsync($"/api/v1/counters/calendar/days-off/{added.GetProperty("id").GetString()}"), HttpStatusCode.NoContent);
            (await RecomputeAsync("Bỏ ngày nghỉ")).Moved.ShouldBe(1);
            (await Ok(await desk.GetAsync($"/api/v1/counters/dossiers/{reached}"))).GetProperty("dueAt").GetString().ShouldBe("2026-12-15T02:00:00+00:00");
        }
        finally
        {
            fx.Clock.Reset();
        }
    }
}

public sealed class PostgreSqlDueDateRecomputeTests(OneStopFactory factory) : DueDateRecomputeTests<OneStopFactory>(factory), IClassFixture<OneStopFactory>;

public sealed class SqliteDueDateRecomputeTests(SqliteOneStopFactory factory) : DueDateRecomputeTests<SqliteOneStopFactory>(factory), IClassFixture<SqliteOneStopFactory>;
