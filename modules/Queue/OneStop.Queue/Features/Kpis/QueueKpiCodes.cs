namespace OneStop.Queue.Features.Kpis;

/// <summary>
/// The KPI codes the queue computes. Their definitions and targets are Evaluation's data (<c>kpis.json</c>, module
/// "Queue"); a test checks that every code here is defined there.
/// </summary>
internal static class QueueKpiCodes
{
    public const string WaitingTime = "plan.waiting-time";
    public const string ProcessingTimePerDossier = "plan.processing-time";
}
