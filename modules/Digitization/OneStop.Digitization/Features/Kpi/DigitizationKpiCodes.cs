namespace OneStop.Digitization.Features.Kpi;

/// <summary>
/// The KPI codes Digitization computes. Their definitions and targets are Evaluation's data (<c>kpis.json</c>); a test checks
/// that every code here is defined there, so the module needs nothing from Evaluation to contribute its figures.
/// </summary>
internal static class DigitizationKpiCodes
{
    public const string ResultsDigitised = "plan.results-digitised";
    public const string ResolvedDigitised = "plan.resolved-digitised";
    public const string I766ElectronicResults = "i766.5.1";
    public const string DesksDigitising = "plan.desks-digitising";
    public const string NoRepeatDocuments = "plan.no-repeat-documents";
    public const string I766DigitisedLinked = "i766.5.2";
    public const string I766CertifiedCopies = "i766.5.3";
    public const string I766SharedForReuse = "i766.5.5";
}
