namespace OneStop.Platform.Web;

/// <summary>What one request did to its client's quota: the window's count after it, and when the window began.</summary>
public sealed record ApiQuotaUse(int PermitsPerMinute, int Count, DateTimeOffset WindowStart)
{
    public bool Allowed => Count <= PermitsPerMinute;
    public int Remaining => Math.Max(0, PermitsPerMinute - Count);
    public DateTimeOffset WindowEnd => WindowStart + ApiUsageMeter.Window;
}
