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

    public async Task<IReadOnlyList<PersonName>> EligibleAsync(Guid unitId, string permission, DateOnly day, CancellationToken ct = default, string? agencyCode = null)
    {
        var roles = await RolesGrantingAsync(permission, ct);
        var members = (await MembershipsAsync(unitId, day, null, ct)).Where(m => ForWork(m, agencyCode) && m.Roles.Any(roles.Contains)).Select(m => m.UserId).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => members.Contains(u.Id) && u.IsActive).OrderBy(u => u.FullName).ThenBy(u => u.UserName)
            .Select(u => new PersonName(u.Id, u.UserName!, u.FullName, u.Position)).ToListAsync(ct);
    }

    public async Task<(PersonName? Person, string? Reason)> CheckEligibleAsync(string login, Guid unitId, string permission, DateOnly day, CancellationToken ct = default, string? agencyCode = null)
    {
        var normalized = (login ?? "").Trim().ToUpperInvariant();
        var user = normalized.Length == 0 ? null : await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
            .Select(u => new { u.Id, u.UserName, u.FullName, u.Position, u.IsActive }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return (null, IneligibleReasons.Unknown);
        }

        var person = new PersonName(user.Id, user.UserName!, user.FullName, user.Position);
        if (!user.IsActive)
        {
            return (person, IneligibleReasons.Inactive);
        }

        var all = await MembershipsAsync(unitId, day, user.Id, ct);
        if (all.Count == 0)
        {
            return (person, IneligibleReasons.OutsideUnit);
        }

        var memberships = all.Where(m => ForWork(m, agencyCode)).ToList();
        if (memberships.Count == 0)
        {
            return (person, IneligibleReasons.OtherAgency);
        }

        var roles = await RolesGrantingAsync(permission, ct);
        return memberships.Any(m => m.Roles.Any(roles.Contains)) ? (person, null) : (person, IneligibleReasons.LacksRole);
    }

    /// <summary>An agency's officer works on that agency's steps; the unit's own people on any of the unit's work.</summary>
    private static bool ForWork(Identity.UnitMembership m, string? agencyCode) => m.AgencyCode is null || m.AgencyCode == agencyCode;

    /// <summary>Memberships are unit-scoped rows: this look-up answers for the unit named, whoever asks.</summary>
    private async Task<List<Identity.UnitMembership>> MembershipsAsync(Guid unitId, DateOnly day, Guid? userId, CancellationToken ct) =>
        await db.UnitMemberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UnitId == unitId && m.ValidFrom <= day && (m.ValidTo == null || m.ValidTo >= day) && (userId == null || m.UserId == userId))
            .ToListAsync(ct);

    private async Task<HashSet<string>> RolesGrantingAsync(string permission, CancellationToken ct) =>
        (await db.RolePermissions.AsNoTracking().Where(r => r.Permission == permission).Select(r => r.Role).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
}
