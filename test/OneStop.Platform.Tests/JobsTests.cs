using System.Collections.Concurrent;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Hangfire.Storage;
using OneStop.Platform.Domain;
using OneStop.Platform.Jobs;
using OneStop.Platform.Scoping;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests;

/// <summary>A job records the scope it runs in.</summary>
public sealed class ScopeProbeJob(ICurrentScope scope)
{
    public static readonly ConcurrentDictionary<string, string> Seen = new();

    public Task RunAsync(string marker)
    {
        Seen[marker] = scope.Unit.Path;
        return Task.CompletedTask;
    }
}

/// <summary>Jobs carry the unit scope they were enqueued in, on PostgreSQL job storage; the dashboard is protected (see ShellTests).</summary>
public sealed class JobsTests(JobsTests.Fixture fx) : IClassFixture<JobsTests.Fixture>
{
    public sealed class Fixture : OneStopFactory
    {
        // The production job storage: Hangfire on PostgreSQL (schema "hangfire" in the test database).
        public Fixture() => With("Jobs:ServerEnabled", "true").With("Jobs:WorkerCount", "2").With("Jobs:Storage", "PostgreSql").With("Jobs:QueuePollIntervalSeconds", "1");
    }

    [Fact]
    public async Task A_job_runs_in_the_scope_it_was_enqueued_in()
    {
        var marker = Guid.NewGuid().ToString();
        var jobId = await fx.InScopeAsync(new UnitScope(Guid.NewGuid(), "/30/288/", "Thành phố Hải Dương"), sp =>
            Task.FromResult(sp.GetRequiredService<IBackgroundJobClient>().Enqueue<ScopeProbeJob>(j => j.RunAsync(marker))));

        // Alone this takes well under a second; the whole suite in parallel on two cores can starve the job server.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!ScopeProbeJob.Seen.ContainsKey(marker) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        ScopeProbeJob.Seen.ContainsKey(marker).ShouldBeTrue(JobHistory(jobId));
        ScopeProbeJob.Seen[marker].ShouldBe("/30/288/");
    }

    /// <summary>
    /// Every recurring job is scheduled in Vietnam time (ADR 0039): the nightly full KPI recompute declared for 01:00 next
    /// runs at 01:00 in Vietnam (not at 01:00 UTC, 08:00 in Vietnam), and so do the other nightly jobs at their hours.
    /// </summary>
    [Fact]
    public void Recurring_jobs_run_on_Vietnam_time_and_the_nightly_KPI_recompute_at_01_00()
    {
        using var connection = fx.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();

        jobs.ShouldNotBeEmpty();
        jobs.Where(j => j.TimeZoneId != RecurringJobs.ZoneId).Select(j => $"{j.Id} in {j.TimeZoneId}").ShouldBeEmpty();
        jobs.Where(j => j.Error is not null).Select(j => $"{j.Id}: {j.Error}").ShouldBeEmpty();

        var nightly = jobs.Single(j => j.Id == "evaluation-kpi-full");
        var next = NextRunInVietnam(nightly);
        next.TimeOfDay.ShouldBe(new TimeSpan(1, 0, 0), $"next run {next:yyyy-MM-dd HH:mm zzz}");
        (next - DateTimeOffset.UtcNow).ShouldBeLessThanOrEqualTo(TimeSpan.FromDays(1));

        var expected = new Dictionary<string, TimeSpan>
        {
            ["evaluation-kpi-breaches"] = new(2, 0, 0),
            ["platform-reorganisations-take-effect"] = new(0, 5, 0),
            ["platform-orphan-blobs"] = new(2, 30, 0),
            ["plantasks-deadline-scan"] = new(0, 30, 0),
            ["digitization-results-backfill"] = new(3, 0, 0),
            ["integration:command-centre-report"] = new(3, 0, 0),
        };
        foreach (var (id, time) in expected)
        {
            NextRunInVietnam(jobs.Single(j => j.Id == id)).TimeOfDay.ShouldBe(time, id);
        }
    }

    private static DateTimeOffset NextRunInVietnam(RecurringJobDto job) =>
        VietnamTime.Of(new DateTimeOffset(DateTime.SpecifyKind(job.NextExecution.ShouldNotBeNull(job.Id), DateTimeKind.Utc)));

    /// <summary>The job's state history, so a failure says why the job did not run.</summary>
    private string JobHistory(string jobId)
    {
        var details = fx.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId);
        return details is null
            ? $"job {jobId} not found in storage"
            : string.Join(" | ", details.History.Select(h => $"{h.StateName} {h.Reason} {string.Join(",", h.Data.Select(d => d.Key + "=" + d.Value))}"));
    }
}
