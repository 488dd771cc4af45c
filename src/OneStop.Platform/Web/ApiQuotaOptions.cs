namespace OneStop.Platform.Web;

/// <summary>The per-client quota: <c>Api:RateLimit:PermitsPerMinute</c> requests a minute (default 600).</summary>
public sealed record ApiQuotaOptions(int PermitsPerMinute);
