using OneStop.Platform;

namespace OneStop.Integration.Connectors;

/// <summary>
/// One health check of one national system's connection (kiểm tra kết nối), as it was configured at that moment:
/// switched on or not, served by a simulator or not, and whether it answered. The "national databases connected" KPI
/// counts from these rows, never from the calls made for dossiers (a simulator answers every call).
/// </summary>
internal sealed class ConnectionCheck
{
    public Guid Id { get; set; } = SequentialGuid.NewGuid();
    public string System { get; set; } = "";
    public DateTimeOffset CheckedAt { get; set; }

    /// <summary>The connection was switched on in the configuration (<c>Integration:Systems:{key}:Enabled</c>).</summary>
    public bool Enabled { get; set; }

    /// <summary>A simulator answered for the system (this host's sandbox, the standalone simulators, or so marked).</summary>
    public bool Simulated { get; set; }

    /// <summary>The health address answered with a success status within the timeout.</summary>
    public bool Healthy { get; set; }

    /// <summary>Scheme, host, port and path checked (no credentials).</summary>
    public string Endpoint { get; set; } = "";
    public int DurationMs { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
}
