namespace OneStop.Platform.People;

/// <summary>
/// The names of the people one document or page mentions, looked up once (<see cref="PeopleDirectoryExtensions.NamesAsync"/>)
/// so rendering a row never queries.
/// </summary>
public sealed class PeopleNames(IReadOnlyDictionary<string, PersonName> people)
{
    public static readonly PeopleNames None = new(new Dictionary<string, PersonName>(StringComparer.OrdinalIgnoreCase));

    public PersonName? Find(string? login) =>
        login is not null && people.TryGetValue(login, out var person) && person.FullName.Length > 0 ? person : null;

    /// <summary>The full name; an unknown login (a system actor, an API client id, a removed account) stays as it is.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(login))]
    public string? Name(string? login) => Find(login)?.FullName ?? login;

    /// <summary>The title (chức danh), or null when unknown.</summary>
    public string? Position(string? login) => Find(login)?.Position is { Length: > 0 } position ? position : null;
}
