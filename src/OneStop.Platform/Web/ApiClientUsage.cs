using OneStop.Platform.Domain;

namespace OneStop.Platform.Web;

/// <summary>
/// One API client's use of its quota, shared by every host instance (ADR 0044): the requests of its current minute
/// window and of the current day. One row per client, moved forward in place by one upsert per request, so the table
/// stays as small as the list of clients. Times are Unix milliseconds and days are day numbers, so both providers
/// compare them the same way in SQL.
/// </summary>
[NotAudited]
public sealed class ApiClientUsage
{
    public string ClientId { get; set; } = "";

    /// <summary>When the current minute window began (Unix milliseconds): the first request after the previous one ended.</summary>
    public long WindowStart { get; set; }

    /// <summary>Requests in the window, those refused included: the client is over its quota while this exceeds it.</summary>
    public int WindowCount { get; set; }

    /// <summary>The UTC day (<see cref="DateOnly.DayNumber"/>) <see cref="DayCount"/> belongs to.</summary>
    public int Day { get; set; }

    public long DayCount { get; set; }
}
