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
        await fx.InScopeAsync(new UnitScope(Guid.NewGuid(), "/30/288/", "Thành phố Hải Dương"), sp =>
        {
            sp.GetRequiredService<IBackgroundJobClient>().Enqueue<ScopeProbeJob>(j => j.RunAsync(marker));
            return Task.FromResult(0);
        });

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!ScopeProbeJob.Seen.ContainsKey(marker) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        ScopeProbeJob.Seen[marker].ShouldBe("/30/288/");
    }
}
