using OneStop.Platform.Domain;

namespace OneStop.Counters.Domain.Catalogue;

/// <summary>
/// Thành phần hồ sơ of one procedure version (ADR 0028): what intake checks for a dossier received while the version is
/// valid. Keyed by the version, i.e. by (ProcedureId, Number).
/// </summary>
internal sealed class ProcedureVersionComponent : Entity
{
    public Guid ProcedureVersionId { get; set; }
    public int Order { get; set; }
    public string DocumentTypeCode { get; set; } = "";
    public string Name { get; set; } = "";
    public bool Required { get; set; } = true;
    /// <summary>One of <see cref="SubmissionForms"/>.</summary>
    public string SubmissionForm { get; set; } = SubmissionForms.Original;
}
