namespace OneStop.Counters.Contracts;

/// <summary>
/// A procedure as the citizen sees it: the content of the version valid on <see cref="On"/> (today), its components,
/// fees and legal times per channel, results, where and how to submit, and whether any desk of the province receives it.
/// </summary>
/// <param name="Version">The version number shown (0: an old row without versions, the head's content).</param>
/// <param name="Channels">DIRECT, ONLINE, POSTAL as <see cref="DossierChannels"/> names them: the ways this procedure is received.</param>
/// <param name="FormFields">Tờ khai: the labels of the version's e-form fields (empty when it has none).</param>
public sealed record PublicProcedure(
    string Code, string Name, string Field, IReadOnlyList<string> Levels, string ExecutingAgency,
    IReadOnlyList<string> Channels, bool OnlinePartial, bool LocationIndependent,
    int Version, DateOnly? VersionEffectiveFrom, DateOnly On,
    IReadOnlyList<PublicProcedureComponent> Components,
    IReadOnlyList<PublicProcedureFee> Fees,
    IReadOnlyList<PublicLegalTime> LegalTimes,
    IReadOnlyList<string> ResultTypes,
    IReadOnlyList<string> FormFields);
