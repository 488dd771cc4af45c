using OneStop.Platform;

namespace OneStop.Counters.Contracts;

/// <summary>States of a dossier (trạng thái hồ sơ), as in DOMAIN.md.</summary>
public static class DossierStatuses
{
    /// <summary>Mới: submitted online or by post, waiting for a desk to receive it.</summary>
    public const string New = "NEW";
    /// <summary>Đã tiếp nhận.</summary>
    public const string Received = "RECEIVED";
    /// <summary>Từ chối tiếp nhận (Mẫu 03).</summary>
    public const string Refused = "REFUSED";
    /// <summary>Đang xử lý, possibly routed between agencies and levels.</summary>
    public const string Processing = "PROCESSING";
    /// <summary>Chờ bổ sung hồ sơ (Mẫu 02): the clock is stopped.</summary>
    public const string SupplementRequested = "SUPPLEMENT_REQUESTED";
    /// <summary>Chờ thực hiện nghĩa vụ tài chính.</summary>
    public const string AwaitingFinancialObligation = "AWAITING_FINANCIAL_OBLIGATION";
    /// <summary>Công dân rút hồ sơ.</summary>
    public const string Withdrawn = "WITHDRAWN";
    /// <summary>Dừng giải quyết.</summary>
    public const string Stopped = "STOPPED";
    /// <summary>Đã có kết quả, chờ trả.</summary>
    public const string Resolved = "RESOLVED";
    /// <summary>Đã trả kết quả.</summary>
    public const string Returned = "RETURNED";

    public static readonly string[] All = [New, Received, Refused, Processing, SupplementRequested, AwaitingFinancialObligation, Withdrawn, Stopped, Resolved, Returned];

    /// <summary>States after which nothing more happens to the dossier.</summary>
    public static readonly string[] Final = [Refused, Withdrawn, Stopped, Returned];

    public static string NameVi(string status) => status switch
    {
        New => "Mới, chờ tiếp nhận",
        Received => "Đã tiếp nhận",
        Refused => "Từ chối tiếp nhận",
        Processing => "Đang xử lý",
        SupplementRequested => "Chờ bổ sung hồ sơ",
        AwaitingFinancialObligation => "Chờ thực hiện nghĩa vụ tài chính",
        Withdrawn => "Đã rút hồ sơ",
        Stopped => "Dừng giải quyết",
        Resolved => "Đã có kết quả",
        Returned => "Đã trả kết quả",
        _ => status,
    };
}

/// <summary>How the dossier arrived (hình thức nộp).</summary>
public static class DossierChannels
{
    public const string Direct = "DIRECT";  // trực tiếp tại Bộ phận Một cửa
    public const string Online = "ONLINE";  // trực tuyến qua Cổng dịch vụ công
    public const string Postal = "POSTAL";  // qua bưu chính công ích

    public static readonly string[] All = [Direct, Online, Postal];
}

/// <summary>How the result goes back to the applicant (hình thức trả kết quả).</summary>
public static class ReturnMethods
{
    public const string Desk = "DESK";
    public const string Postal = "POSTAL";
    public const string Electronic = "ELECTRONIC";

    public static readonly string[] All = [Desk, Postal, Electronic];
}

/// <summary>How fees, charges or a financial obligation were paid (hình thức thanh toán).</summary>
public static class PaymentMethods
{
    /// <summary>Online, through the payment platform of the public service portal (Decision 766, indicator 4.1).</summary>
    public const string Online = "ONLINE";
    /// <summary>At the desk (cash, card or transfer at the counter).</summary>
    public const string Desk = "DESK";
    /// <summary>Collected by the public postal service.</summary>
    public const string Postal = "POSTAL";

    public static readonly string[] All = [Online, Desk, Postal];
}

/// <summary>Who files: a citizen (12-digit CCCD) or an organisation (enterprise code).</summary>
public static class ApplicantKinds
{
    public const string Citizen = "CITIZEN";
    public const string Organisation = "ORGANISATION";
}

/// <summary>Where a dossier component came from (trạng thái số hóa / tái sử dụng thành phần).</summary>
public static class ComponentSources
{
    /// <summary>Submitted by the applicant with this dossier.</summary>
    public const string Submitted = "SUBMITTED";
    /// <summary>Reused from a component of an earlier dossier (kho dữ liệu điện tử).</summary>
    public const string ReusedComponent = "REUSED_COMPONENT";
    /// <summary>Reused from the result of an earlier dossier.</summary>
    public const string ReusedResult = "REUSED_RESULT";
}

/// <summary>What happened to a dossier, one per transition (used in events, the history and the webhook payload).</summary>
public static class DossierTransitions
{
    public const string Submitted = "SUBMITTED";
    public const string Received = "RECEIVED";
    public const string Refused = "REFUSED";
    public const string Assigned = "ASSIGNED";
    public const string Routed = "ROUTED";
    public const string SupplementRequested = "SUPPLEMENT_REQUESTED";
    public const string Supplemented = "SUPPLEMENTED";
    public const string FinancialObligationRequested = "FINANCIAL_OBLIGATION_REQUESTED";
    public const string FinancialObligationMet = "FINANCIAL_OBLIGATION_MET";
    public const string Extended = "EXTENDED";
    public const string Withdrawn = "WITHDRAWN";
    public const string Stopped = "STOPPED";
    public const string Resolved = "RESOLVED";
    public const string Returned = "RETURNED";
    /// <summary>Handed to the successor of its unit by a reorganisation (sáp xếp đơn vị hành chính); the status stays.</summary>
    public const string HandedToSuccessor = "HANDED_TO_SUCCESSOR";
}

public sealed record DossierComponentInfo(
    string Name,
    string DocumentTypeCode,
    /// <summary>One of <see cref="ComponentSources"/>.</summary>
    string Source,
    /// <summary>The Digitization document reused, when <see cref="Source"/> is a reuse.</summary>
    Guid? ReusedDocumentId);

/// <summary>
/// A dossier as other modules see it. Times are instants (UTC offsets kept); the unit paths are materialised paths
/// (<c>/30/288/10507/</c>) so consumers can scope by prefix.
/// </summary>
public sealed record DossierSnapshot(
    Guid Id,
    string Code,
    string ProcedureCode,
    string ProcedureName,
    string ProcedureField,
    string Channel,
    string Status,
    string ApplicantKind,
    /// <summary>CCCD or enterprise code.</summary>
    string ApplicantIdentity,
    string ApplicantName,
    string? ApplicantAddress,
    Guid ReceivingUnitId,
    string ReceivingUnitPath,
    Guid ResolvingUnitId,
    string ResolvingUnitPath,
    /// <summary>The unit holding the dossier now (changes as it is routed).</summary>
    Guid CurrentUnitId,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ReturnedAt,
    string? ReturnMethod,
    bool IsOverdue,
    IReadOnlyList<DossierComponentInfo> Components,
    Guid? TicketId,
    /// <summary>
    /// How many changes the dossier has published: each <see cref="DossierChanged"/> carries a higher one, so a
    /// projection keeps the newest snapshot whatever order events reach it in.
    /// </summary>
    long Version);

/// <summary>
/// Published on every transition of a dossier, with the dossier as it is after it (event-carried state, so the search
/// index, the portal sync, Digitization and webhooks need no read-back). <see cref="IntegrationEvent.UnitPath"/> is
/// the receiving unit's path.
/// </summary>
public sealed record DossierChanged(
    DossierSnapshot Dossier,
    /// <summary>One of <see cref="DossierTransitions"/>.</summary>
    string Transition,
    string? FromStatus,
    string? Reason,
    string Actor) : IntegrationEvent
{
    /// <summary>A dossier's transitions reach every consumer in order.</summary>
    public override string? OrderingKey => Dossier.Id.ToString();
}

/// <summary>Read-only view of the Counters module for the other modules. Every call is limited to the current scope.</summary>
public interface ICountersApi
{
    Task<DossierSnapshot?> FindDossierAsync(Guid id, CancellationToken ct = default);

    Task<DossierSnapshot?> FindDossierByCodeAsync(string code, CancellationToken ct = default);

    /// <summary>Dossiers in scope in id order after <paramref name="after"/> (keyset), for full re-indexing and exports.</summary>
    Task<IReadOnlyList<DossierSnapshot>> ListDossiersAsync(Guid? after, int take, CancellationToken ct = default);

    /// <summary>A procedure of the catalogue by code, with its components' document-type codes.</summary>
    Task<ProcedureInfo?> FindProcedureAsync(string code, CancellationToken ct = default);

    /// <summary>The distinct procedure fields (lĩnh vực) of the catalogue, which queue counters serve.</summary>
    Task<IReadOnlyList<string>> ProcedureFieldsAsync(CancellationToken ct = default);
}

public sealed record ProcedureInfo(
    string Code,
    string Name,
    string Field,
    IReadOnlyList<string> Levels,
    bool FullyOnline,
    bool PostalAllowed,
    bool LocationIndependent,
    IReadOnlyList<ProcedureComponentInfo> Components);

public sealed record ProcedureComponentInfo(string Name, string DocumentTypeCode, bool Required);
