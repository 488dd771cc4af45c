using System.Diagnostics;
using Hangfire.Server;

namespace OneStop.Platform.Telemetry;

/// <summary>Times every background job (Hangfire's filter list is process-wide: added once, with the scope filter).</summary>
public sealed class JobTelemetryFilter : IServerFilter
{
    private const string Started = "onestop.telemetry.started";
    private const string Span = "onestop.telemetry.span";

    public void OnPerforming(PerformingContext context)
    {
        context.Items[Started] = Stopwatch.GetTimestamp();
        var job = context.BackgroundJob.Job;
        context.Items[Span] = PlatformTelemetry.Source.StartActivity($"job {job.Type.Name}.{job.Method.Name}");
    }

    public void OnPerformed(PerformedContext context)
    {
        var job = context.BackgroundJob.Job;
        var outcome = context.Exception is null ? "succeeded" : "failed";
        if (context.Items.TryGetValue(Started, out var started) && started is long ticks)
        {
            PlatformTelemetry.JobDuration.Record(Stopwatch.GetElapsedTime(ticks).TotalSeconds,
                new KeyValuePair<string, object?>("job", $"{job.Type.Name}.{job.Method.Name}"), new KeyValuePair<string, object?>("outcome", outcome));
        }

        if (context.Items.TryGetValue(Span, out var span) && span is Activity activity)
        {
            activity.SetStatus(context.Exception is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
            activity.Dispose();
        }
    }
}
