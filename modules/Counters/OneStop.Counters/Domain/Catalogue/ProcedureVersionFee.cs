using OneStop.Platform.Domain;

namespace OneStop.Counters.Domain.Catalogue;

/// <summary>Phí, lệ phí of one procedure version per channel, with who is exempted or pays less (đối tượng miễn, giảm).</summary>
internal sealed class ProcedureVersionFee : Entity
{
    public Guid ProcedureVersionId { get; set; }
    public string Channel { get; set; } = "";
    public string Kind { get; set; } = "";
    public decimal AmountVnd { get; set; }
    public string Exemption { get; set; } = "";
}
