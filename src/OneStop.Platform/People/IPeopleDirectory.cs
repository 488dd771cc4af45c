namespace OneStop.Platform.People;

/// <summary>
/// Names of people for modules that print or show them (forms, registers, certificates, exports). Records keep the
/// actor's login (stable, audited); what a person reads is the full name and title looked up here.
/// </summary>
public interface IPeopleDirectory
{
    /// <summary>The people with these logins (unknown logins, e.g. "system" or an API client, are absent).</summary>
    Task<IReadOnlyDictionary<string, PersonName>> ByLoginsAsync(IEnumerable<string> logins, CancellationToken ct = default);

    /// <summary>The full name for a login, or the login itself when nobody has it (a system actor, a removed account).</summary>
    Task<string> FullNameAsync(string login, CancellationToken ct = default);

    /// <summary>
    /// The active people who may do <paramref name="permission"/> for <paramref name="unitId"/> on <paramref name="day"/>:
    /// a membership of that unit valid that day whose roles grant the permission. Ordered by full name.
    /// A membership that names an agency of the unit counts only for that agency's work: with
    /// <paramref name="agencyCode"/> null (the unit's own work) it is left out; with a code, it counts when it names it.
    /// </summary>
    Task<IReadOnlyList<PersonName>> EligibleAsync(Guid unitId, string permission, DateOnly day, CancellationToken ct = default, string? agencyCode = null);

    /// <summary>Why <paramref name="login"/> is not among <see cref="EligibleAsync"/>'s people, or null when it is.</summary>
    Task<(PersonName? Person, string? Reason)> CheckEligibleAsync(string login, Guid unitId, string permission, DateOnly day, CancellationToken ct = default, string? agencyCode = null);
}
