namespace OneStop.Counters.Features.Kpis;

/// <summary>
/// The KPI codes Counters computes. Their definitions and targets are Evaluation's data (<c>kpis.json</c>); a test checks
/// that every code here is defined there, so the module needs nothing from Evaluation to contribute its figures.
/// </summary>
internal static class CountersKpiCodes
{
    public const string I766PublishedOnTime = "i766.1.1";
    public const string I766PublishedInFull = "i766.1.2";
    public const string I766ProceduresOnPopulationData = "i766.5.7";
    public const string OnlineShare = "plan.online-share";
    public const string OnTimeRate = "plan.on-time";
    public const string I766Progress = "i766.2.1";
    public const string I766DataReuse = "i766.5.4";
    public const string I766FullyOnline = "i766.3.1";
    public const string ElectronicRouting = "plan.electronic-routing";
    public const string I766OnlinePayment = "i766.4.1";
    public const string I766PopulationData = "i766.5.6";
}
