using OneStop.Counters.Contracts;

namespace OneStop.Counters.Domain.Dossiers;

/// <summary>
/// Where a dossier stands for the lifecycle table: its status, except that a dossier being processed is at a specialist,
/// at another agency, or awaiting a leader's approval, according to the open step of its internal process.
/// </summary>
internal static class DossierStages
{
    /// <summary>Đang xử lý tại cơ quan phối hợp (liên thông).</summary>
    public const string AtAgency = "AT_AGENCY";
    /// <summary>Chờ phê duyệt (trình ký).</summary>
    public const string AwaitingApproval = "AWAITING_APPROVAL";

    /// <summary>Every stage in which the dossier is being handled (the clock may be stopped).</summary>
    public static readonly string[] Active =
        [DossierStatuses.Received, DossierStatuses.Processing, AtAgency, AwaitingApproval, DossierStatuses.SupplementRequested, DossierStatuses.AwaitingFinancialObligation];
}
