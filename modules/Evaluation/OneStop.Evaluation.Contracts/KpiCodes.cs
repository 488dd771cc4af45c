namespace OneStop.Evaluation.Contracts;

/// <summary>
/// Codes of the KPIs: <c>plan.*</c> are the targets of the one-stop plan (KH 2021–2025), <c>i766.*</c> the indicators
/// of the national quality index (Quyết định 766/QĐ-TTg). Definitions, formulas and targets are data seeded by
/// Evaluation (<c>kpis.json</c>); these constants name them for readers of <see cref="KpiValue.Code"/>. The modules
/// computing them keep their own constants (an <c>IKpiCalculator</c> needs nothing from Evaluation), and a test checks
/// that both sides agree.
/// </summary>
public static class KpiCodes
{
    // Plan targets
    public const string ResultsDigitised = "plan.results-digitised";
    public const string DesksDigitising = "plan.desks-digitising";
    public const string NoRepeatDocuments = "plan.no-repeat-documents";
    public const string WaitingTime = "plan.waiting-time";
    public const string ProcessingTimePerDossier = "plan.processing-time";
    public const string OnlineShare = "plan.online-share";
    public const string ElectronicRouting = "plan.electronic-routing";
    public const string ResolvedDigitised = "plan.resolved-digitised";
    public const string Satisfaction = "plan.satisfaction";
    public const string NationalDatabases = "plan.national-databases";
    public const string PlanTasksOnTime = "plan.tasks-done";
    public const string TrainingClasses = "plan.training-classes";
    public const string DeskStaffTrained = "plan.desk-staff-trained";
    public const string OnTimeRate = "plan.on-time";
    public const string SatisfactionCriteria = "plan.satisfaction-criteria";

    // Decision 766 index: group 1 public and transparent (18)
    public const string I766PublishedOnTime = "i766.1.1";
    public const string I766PublishedInFull = "i766.1.2";
    public const string I766StatusSynced = "i766.1.3";
    // group 2 progress (20)
    public const string I766Progress = "i766.2.1";
    // group 3 online public services (12)
    public const string I766FullyOnline = "i766.3.1";
    // group 4 online payment (10)
    public const string I766OnlinePayment = "i766.4.1";
    // group 5 digitisation (22)
    public const string I766ElectronicResults = "i766.5.1";
    public const string I766DigitisedLinked = "i766.5.2";
    public const string I766CertifiedCopies = "i766.5.3";
    public const string I766DataReuse = "i766.5.4";
    public const string I766SharedForReuse = "i766.5.5";
    public const string I766PopulationData = "i766.5.6";
    public const string I766ProceduresOnPopulationData = "i766.5.7";
    // group 6 satisfaction (18)
    public const string I766ComplaintsOnTime = "i766.6.1";
    public const string I766ComplaintSatisfaction = "i766.6.2";
    public const string I766DossierSatisfaction = "i766.6.3";
}
