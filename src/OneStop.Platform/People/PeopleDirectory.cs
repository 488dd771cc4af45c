using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.People;

/// <summary>Reads the kernel's people table directly (people are not unit-scoped rows; names are not secrets).</summary>
internal sealed class PeopleDirectory(PlatformDbContext db) : IPeopleDirectory
{
    public async Task<IReadOnlyDictionary<string, PersonName>> ByLoginsAsync(IEnumerable<string> logins, CancellationToken ct = default)
    {
        var wanted = logins.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.ToUpperInvariant()).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, PersonName>(StringComparer.OrdinalIgnoreCase);
        }

        var people = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.NormalizedUserName!))
            .Select(u => new PersonName(u.Id, u.UserName!, u.FullName, u.Position)).ToListAsync(ct);
        return people.ToDictionary(p => p.Login, StringComparer.OrdinalIgnoreCase);
    }

    public async Task<string> FullNameAsync(string login, CancellationToken ct = default) =>
        (await ByLoginsAsync([login], ct)).TryGetValue(login, out var person) && person.FullName.Length > 0 ? person.FullName : login;
}
