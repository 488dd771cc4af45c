using Npgsql;
using OneStop.Platform.Permissions;
using OneStop.Platform.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OneStop.Platform.Host.Telemetry;

/// <summary>
/// OpenTelemetry (ADR 0041): metrics of ASP.NET Core, HttpClient (the national systems), Npgsql, the .NET runtime and
/// the platform's own instruments (<see cref="PlatformTelemetry"/>: job durations, outbox lag, events delivered,
/// search latency) on <c>/metrics</c> in Prometheus text for holders of <see cref="PlatformPermissions.MetricsRead"/>
/// (system admins; a scraper signs in as an API client with that scope); metrics and traces also over OTLP when
/// <c>Telemetry:Otlp:Endpoint</c> (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) names a collector.
/// Traces are collected only when exported.
/// </summary>
internal static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = configuration["Telemetry:Otlp:Endpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var prometheus = configuration.GetValue("Telemetry:Prometheus:Enabled", true);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["Telemetry:ServiceName"] ?? "onestop-platform",
                serviceInstanceId: configuration["Telemetry:InstanceId"] ?? Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(PlatformTelemetry.Name, "Npgsql");
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(PlatformTelemetry.Name)
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }

        return services;
    }

    public static void MapPlatformMetrics(this WebApplication app, IConfiguration configuration)
    {
        if (configuration.GetValue("Telemetry:Prometheus:Enabled", true))
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).RequirePermission(PlatformPermissions.MetricsRead);
        }
    }
}
