namespace OneStop.Counters.Contracts;

/// <summary>One step of a dossier's history as the public look-up shows it.</summary>
public sealed record PublicDossierStep(DateTimeOffset At, string Name);
