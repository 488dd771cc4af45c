using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OneStop.Platform.Telemetry;

/// <summary>
/// The host's own instruments, beside the standard ones (ASP.NET Core, HttpClient, Npgsql) the host subscribes to
/// (ADR 0041): background job durations, the outbox's lag from publication to delivery, events delivered, search
/// latency. Plain <see cref="System.Diagnostics.Metrics"/>: the kernel depends on no exporter; the host exports over
/// OTLP when configured and on <c>/metrics</c> (Prometheus) for system administrators.
/// </summary>
public static class PlatformTelemetry
{
    public const string Name = "OneStop.Platform";

    public static readonly Meter Meter = new(Name);

    /// <summary>Spans of the platform's own work (jobs), under the request or job that started them.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>How long a background job ran, by job (type.method) and outcome.</summary>
    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>(
        "onestop.job.duration", "s", "Thời gian chạy tác vụ nền / background job duration",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900] });

    /// <summary>
    /// From an event's publication (with the change) to its delivery to every consumer, by event: how far the modules'
    /// views trail the source (ADR 0017).
    /// </summary>
    public static readonly Histogram<double> OutboxLag = Meter.CreateHistogram<double>(
        "onestop.outbox.lag", "s", "Độ trễ từ khi phát sự kiện đến khi chuyển xong / outbox lag",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600] });

    /// <summary>Events delivered by the relay, by event (e.g. DossierChanged: dossier activity, intake included).</summary>
    public static readonly Counter<long> EventsDelivered = Meter.CreateCounter<long>(
        "onestop.outbox.delivered", "{event}", "Sự kiện đã chuyển / events delivered");

    /// <summary>Search engine calls, by engine, index and operation (search, upsert).</summary>
    public static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>(
        "onestop.search.duration", "s", "Thời gian tìm kiếm / search latency",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5] });
}
