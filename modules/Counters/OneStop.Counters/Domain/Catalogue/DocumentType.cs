using OneStop.Platform.Domain;

namespace OneStop.Counters.Domain.Catalogue;

/// <summary>
/// Mã loại giấy tờ: an entry of the province's managed code list of document types. A procedure's component names its
/// code, and the same code across procedures is what lets a document the citizen already handed in (kho dữ liệu điện tử)
/// be offered again at another procedure ("không yêu cầu cung cấp lại", ADR 0028). Codes are added, renamed and retired,
/// never deleted: old versions and dossiers keep naming them.
/// </summary>
internal sealed class DocumentType : Entity, IHasAuditStamps
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>From this day the code is no longer offered for new components; null while in use.</summary>
    public DateOnly? RetiredFrom { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }

    /// <summary>Whether new components may name the code on <paramref name="date"/>.</summary>
    public bool IsInUseOn(DateOnly date) => RetiredFrom is not { } retired || retired > date;
}
