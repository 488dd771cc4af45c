using OneStop.Platform.Domain;

namespace OneStop.Evaluation.Domain;

/// <summary>
/// Who sent a complaint from the portal (ADR 0050): the VNeID identity of the signed-in citizen (or the enterprise code
/// of an organisation), so "Hồ sơ của tôi" lists their complaints and the answers; owned by the complaint's unit.
/// </summary>
internal sealed class ComplaintAuthor : ScopedEntity
{
    public Guid ComplaintId { get; set; }
    public string AuthorKey { get; set; } = "";
    public string UnitName { get; set; } = "";
}
