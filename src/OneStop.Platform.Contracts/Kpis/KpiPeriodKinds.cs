namespace OneStop.Platform.Kpis;

/// <summary>Granularity of a KPI snapshot (kỳ tính chỉ số).</summary>
public static class KpiPeriodKinds
{
    public const string Day = "day";
    public const string Month = "month";
    public const string Quarter = "quarter";
    public const string Year = "year";

    public static readonly string[] All = [Day, Month, Quarter, Year];
}
