namespace OneStop.Platform.People;

/// <summary>Batch look-ups over <see cref="IPeopleDirectory"/> for documents and pages.</summary>
public static class PeopleDirectoryExtensions
{
    /// <summary>One query for every login a document names (nulls and blanks skipped).</summary>
    public static async Task<PeopleNames> NamesAsync(this IPeopleDirectory directory, IEnumerable<string?> logins, CancellationToken ct = default)
    {
        var wanted = logins.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return wanted.Count == 0 ? PeopleNames.None : new PeopleNames(await directory.ByLoginsAsync(wanted, ct));
    }
}
