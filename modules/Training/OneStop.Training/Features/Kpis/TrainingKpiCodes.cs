namespace OneStop.Training.Features.Kpis;

/// <summary>
/// The KPI codes Training computes. Their definitions and targets are Evaluation's data (<c>kpis.json</c>); a test checks
/// that every code here is defined there, so the module needs nothing from Evaluation to contribute its figures.
/// </summary>
internal static class TrainingKpiCodes
{
    public const string TrainingClasses = "plan.training-classes";
    public const string DeskStaffTrained = "plan.desk-staff-trained";
}
