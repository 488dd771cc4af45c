using OneStop.Platform.Domain;

namespace OneStop.Counters.Domain.Catalogue;

/// <summary>
/// Quyết định công bố danh mục thủ tục hành chính tiếp nhận không phụ thuộc địa giới hành chính (Decree 118/2025/NĐ-CP;
/// before it Decree 61/2018 as amended by 107/2021): the provincial chairman's decision that lets any desk of the units it
/// names receive the procedures it lists, wherever the competent unit is. A procedure is location-independent at a
/// desk on a day only through a decision in force that day (<see cref="InForceOn"/>) naming both. Province-wide legal
/// reference data like the catalogue: not unit-scoped, written only with Counters.Catalogue.Manage, audited.
/// </summary>
internal sealed class LocationIndependentDecision : Entity, IHasAuditStamps
{
    /// <summary>Số hiệu, e.g. "1234/QĐ-UBND".</summary>
    public string Number { get; set; } = "";

    /// <summary>Ngày ký.</summary>
    public DateOnly SignedOn { get; set; }

    /// <summary>Người ký (name and title as printed, e.g. "Chủ tịch Nguyễn Văn A").</summary>
    public string Signer { get; set; } = "";

    /// <summary>Trích yếu.</summary>
    public string Title { get; set; } = "";

    /// <summary>Ngày có hiệu lực.</summary>
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Hết hiệu lực từ ngày (exclusive): replaced or annulled by a later decision; null while in force.</summary>
    public DateOnly? EffectiveTo { get; set; }

    /// <summary>True when it applies at every desk of the province; otherwise at the desks of <see cref="Units"/> and below.</summary>
    public bool WholeProvince { get; set; }

    /// <summary>Blob key (SHA-256) of the signed PDF (bản quét có chữ ký, dấu), when uploaded.</summary>
    public string? SignedPdfKey { get; set; }

    public string? SignedPdfName { get; set; }

    public List<LocationIndependentDecisionProcedure> Procedures { get; set; } = [];
    public List<LocationIndependentDecisionUnit> Units { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? ModifiedAt { get; set; }
    public string? ModifiedBy { get; set; }

    public bool InForceOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day < EffectiveTo);

    /// <summary>Replaces the lists (a correction of the record, not a new decision).</summary>
    public void SetScope(IEnumerable<string> procedureCodes, bool wholeProvince, IEnumerable<Guid> unitIds)
    {
        Procedures.RemoveAll(_ => true);
        Procedures.AddRange(procedureCodes.Distinct(StringComparer.Ordinal).Select(c => new LocationIndependentDecisionProcedure { DecisionId = Id, ProcedureCode = c }));
        WholeProvince = wholeProvince;
        Units.RemoveAll(_ => true);
        if (!wholeProvince)
        {
            Units.AddRange(unitIds.Distinct().Select(u => new LocationIndependentDecisionUnit { DecisionId = Id, UnitId = u }));
        }
    }
}

/// <summary>A procedure listed by a <see cref="LocationIndependentDecision"/>, by its catalogue code (codes outlive versions).</summary>
internal sealed class LocationIndependentDecisionProcedure
{
    public Guid DecisionId { get; set; }
    public string ProcedureCode { get; set; } = "";
}

/// <summary>A unit whose desks (and those of the units below it) may receive the decision's procedures.</summary>
internal sealed class LocationIndependentDecisionUnit
{
    public Guid DecisionId { get; set; }
    public Guid UnitId { get; set; }
}
