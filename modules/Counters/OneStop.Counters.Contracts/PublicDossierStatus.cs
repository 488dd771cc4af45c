namespace OneStop.Counters.Contracts;

/// <summary>What the applicant learns from the receipt's code and the identity tail: no identity data, the name masked.</summary>
public sealed record PublicDossierStatus(
    string Code, string ProcedureName, string Status, string StatusName, string ApplicantName, string ReceivingUnitName,
    DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ReturnedAt,
    bool ClockStopped, IReadOnlyList<PublicDossierStep> Steps);
