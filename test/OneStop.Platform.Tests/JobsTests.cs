using System.Collections.Concurrent;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>The job's state history, so a failure says why the job did not run.</summary>
    private string JobHistory(string jobId)
    {
        var details = fx.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId);
        return details is null
            ? $"job {jobId} not found in storage"
            : string.Join(" | ", details.History.Select(h => $"{h.StateName} {h.Reason} {string.Join(",", h.Data.Select(d => d.Key + "=" + d.Value))}"));
    }
}
