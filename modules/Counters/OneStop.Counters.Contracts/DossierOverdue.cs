using OneStop.Platform;

namespace OneStop.Counters.Contracts;

/// <summary>
/// An open dossier passed its due date without an extension (quá hạn giải quyết): published once per missed due date
/// by the overdue scan, with the Mẫu 04 apology it drafted, so the applicant is told and apologised to (ADR 0051).
/// <see cref="IntegrationEvent.UnitPath"/> is the receiving unit's path.
/// </summary>
public sealed record DossierOverdue(
    Guid DossierId,
    string DossierCode,
    string ProcedureName,
    string ApplicantIdentity,
    string ApplicantName,
    Guid ReceivingUnitId,
    string ReceivingUnitPath,
    DateTimeOffset DueAt,
    /// <summary>The new date the apology letter proposes (the officer may still change it before issuing).</summary>
    DateTimeOffset ProposedDueAt,
    string Reason) : IntegrationEvent
{
    /// <summary>In order with the dossier's transitions.</summary>
    public override string? OrderingKey => DossierId.ToString();
}
