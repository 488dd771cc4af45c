namespace OneStop.Integration.Features.Kpis;

/// <summary>
/// The KPI codes Integration computes. Their definitions and targets are Evaluation's data (<c>kpis.json</c>); a test checks
/// that every code here is defined there, so the module needs nothing from Evaluation to contribute its figures.
/// </summary>
internal static class IntegrationKpiCodes
{
    public const string NationalDatabases = "plan.national-databases";
    public const string I766StatusSynced = "i766.1.3";
}
