using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Identity;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Platform.People;

/// <summary>
/// Who may do what to people (ADR 0014): an administrator acts inside the unit subtree it works for, grants only roles
/// ranked below its own highest role (a system admin grants any), never changes its own grants or account state, and
/// reaches only people whose every membership lies inside that subtree and who hold no role at or above its rank.
/// Pages and the API call the same methods; every write goes through the audited context.
/// </summary>
internal sealed class PeopleAdministration(
    PlatformDbContext db,
    UserManager<PlatformUser> users,
    ICurrentScope scope,
    IAdministrativeUnitDirectory units,
    ModuleRegistry modules,
    SignInThrottler throttler,
    UserSessionStore sessions,
    TimeProvider clock)
{
    /// <summary>The acting administrator, read from the principal of the request.</summary>
    internal sealed record Administrator(Guid? UserId, string UnitPath, bool IsSystemAdmin, int Rank);

    private (ClaimsPrincipal Principal, Administrator Administrator)? _administrator; // scoped: once per request

    public async Task<Administrator> AdministratorAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (_administrator is { } known && ReferenceEquals(known.Principal, principal))
        {
            return known.Administrator;
        }

        var roleNames = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var ranks = await db.Roles.AsNoTracking().Where(r => roleNames.Contains(r.Name!)).Select(r => r.Rank).ToListAsync(ct);
        var isSystemAdmin = roleNames.Contains(Roles.SystemAdmin);
        var rank = ranks.Count > 0 ? ranks.Max() : 0;
        if (rank == 0 && (principal.FindFirst("oi_scp") is not null || principal.FindFirst("scope") is not null))
        {
            // A system with the scope acts as a unit administrator of the unit it is registered for.
            rank = Roles.BuiltIn.First(r => r.Name == Roles.UnitAdmin).Rank;
        }

        var administrator = new Administrator(scope.ActorId, scope.Unit.Path, isSystemAdmin, rank);
        _administrator = (principal, administrator);
        return administrator;
    }

    /// <summary>People with at least one membership, of any period, inside the administrator's subtree.</summary>
    public IQueryable<PlatformUser> Visible(Administrator admin)
    {
        if (admin.IsSystemAdmin)
        {
            return db.Users;
        }

        var path = admin.UnitPath;
        return db.Users.Where(u => db.UnitMemberships.IgnoreQueryFilters().Any(m => m.UserId == u.Id && m.UnitPath.StartsWith(path)));
    }

    public async Task<KeysetPage<PersonDto>> ListAsync(
        Administrator admin, Guid? unitId, string? role, string? status, string? query, string? cursor, int? pageSize, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<string[]>(cursor);
        if (after is not null && after.Length != 2)
        {
            throw new PlatformException(PlatformErrorCodes.InvalidCursor);
        }

        var size = KeysetCursor.ClampPageSize(pageSize);
        var people = Visible(admin);
        if (unitId is { } id)
        {
            var unit = await UnitInReachAsync(admin, id, ct);
            people = people.Where(u => db.UnitMemberships.IgnoreQueryFilters().Any(m => m.UserId == u.Id && m.UnitPath.StartsWith(unit.Path)));
        }

        if (!string.IsNullOrWhiteSpace(role))
        {
            people = people.Where(u => db.UnitMemberships.IgnoreQueryFilters().Any(m => m.UserId == u.Id && m.Roles.Contains(role)));
        }

        var now = clock.GetUtcNow();
        people = status switch
        {
            "active" => people.Where(u => u.IsActive),
            "inactive" => people.Where(u => !u.IsActive),
            "locked" => people.Where(u => u.LockoutEnd != null && u.LockoutEnd > now),
            null or "" => people,
            _ => throw new PlatformException(PlatformErrorCodes.ValidationFailed) { MessageCode = PeopleMessages.StatusInvalid },
        };
        if (!string.IsNullOrWhiteSpace(query))
        {
            var folded = VietnameseText.Fold(query.Trim());
            people = people.Where(u => u.SearchText.Contains(folded));
        }

        if (after is [var name, var login])
        {
            people = people.Where(u => string.Compare(u.FullName, name) > 0 || (u.FullName == name && string.Compare(u.UserName, login) > 0));
        }

        var rows = await people.AsNoTracking().OrderBy(u => u.FullName).ThenBy(u => u.UserName).Take(size + 1).ToListAsync(ct);
        var dtos = await ToDtosAsync(rows.Take(size).ToList(), ct);
        return new KeysetPage<PersonDto>(dtos, rows.Count > size ? KeysetCursor.Encode(new[] { rows[size - 1].FullName, rows[size - 1].UserName! }) : null);
    }

    public async Task<PersonDto> GetAsync(Administrator admin, Guid id, CancellationToken ct) =>
        (await ToDtosAsync([await FindVisibleAsync(admin, id, ct)], ct))[0];

    public async Task<PersonCreated> CreateAsync(Administrator admin, CreatePersonRequest request, CancellationToken ct)
    {
        var login = PersonRules.NormalizeLogin(request.Login);
        if (await users.FindByNameAsync(login) is not null)
        {
            throw new PlatformException(PlatformErrorCodes.DuplicateLogin, 409, login);
        }

        var membership = await CheckGrantAsync(admin, request.Membership!, ct);
        var password = PersonRules.GenerateOneTimePassword();
        var user = new PlatformUser
        {
            UserName = login,
            FullName = request.FullName.Trim(),
            Position = Blank(request.Position),
            Email = Blank(request.Email),
            EmailConfirmed = !string.IsNullOrWhiteSpace(request.Email),
            PhoneNumber = PersonRules.NormalizePhone(request.Phone),
            LockoutEnabled = true,
            MustChangePassword = true,
        };
        user.RefreshSearchText();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(user, password));
        membership.UserId = user.Id;
        membership.IsDefault = true;
        db.UnitMemberships.Add(membership);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new PersonCreated(await GetAsync(admin, user.Id, ct), password);
    }

    public async Task<PersonDto> UpdateAsync(Administrator admin, Guid id, UpdatePersonRequest request, CancellationToken ct)
    {
        var user = await FindInReachAsync(admin, id, allowSelf: true, ct);
        user.FullName = request.FullName.Trim();
        user.Position = Blank(request.Position);
        user.Email = Blank(request.Email);
        user.PhoneNumber = PersonRules.NormalizePhone(request.Phone);
        user.RefreshSearchText();
        Check(await users.UpdateAsync(user));
        return await GetAsync(admin, id, ct);
    }

    public async Task<PersonDto> SetActiveAsync(Administrator admin, Guid id, bool active, CancellationToken ct)
    {
        var user = await FindInReachAsync(admin, id, allowSelf: false, ct);
        user.IsActive = active;
        user.DeactivatedAt = active ? null : clock.GetUtcNow();
        Check(await users.UpdateAsync(user));
        if (!active)
        {
            await EndSessionsAsync(user, ct);
        }

        return await GetAsync(admin, id, ct);
    }

    public async Task<OneTimePassword> ResetPasswordAsync(Administrator admin, Guid id, CancellationToken ct)
    {
        var user = await FindInReachAsync(admin, id, allowSelf: false, ct);
        var password = PersonRules.GenerateOneTimePassword();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await users.HasPasswordAsync(user))
        {
            Check(await users.RemovePasswordAsync(user));
        }

        Check(await users.AddPasswordAsync(user, password));
        user.MustChangePassword = true;
        user.PasswordResetAt = clock.GetUtcNow();
        Check(await users.UpdateAsync(user));
        await tx.CommitAsync(ct);
        await EndSessionsAsync(user, ct);
        return new OneTimePassword(password);
    }

    /// <summary>Lifts an admin's lock and every sign-in wait on the person's login.</summary>
    public async Task<PersonDto> UnlockAsync(Administrator admin, Guid id, CancellationToken ct)
    {
        var user = await FindInReachAsync(admin, id, allowSelf: false, ct);
        user.UnlockedAt = clock.GetUtcNow();
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        await throttler.LiftAsync(user.UserName!, ct);
        return await GetAsync(admin, id, ct);
    }

    public async Task<PersonDto> AddMembershipAsync(Administrator admin, Guid id, MembershipRequest request, CancellationToken ct)
    {
        var user = await FindInReachAsync(admin, id, allowSelf: false, ct);
        var membership = await CheckGrantAsync(admin, request, ct);
        membership.UserId = user.Id;
        var existing = await db.UnitMemberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id && m.UnitId == membership.UnitId).ToListAsync(ct);
        if (existing.Any(m => Overlaps(m, membership.ValidFrom, membership.ValidTo)))
        {
            throw new PlatformException(PlatformErrorCodes.MembershipOverlaps, 409) { MessageCode = PeopleMessages.AlreadyMember };
        }

        membership.IsDefault = !await db.UnitMemberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == user.Id, ct);
        db.UnitMemberships.Add(membership);
        await db.SaveChangesAsync(ct);
        await EndSessionsAsync(user, ct);
        return await GetAsync(admin, id, ct);
    }

    public async Task<PersonDto> UpdateMembershipAsync(Administrator admin, Guid id, Guid membershipId, MembershipRequest request, CancellationToken ct)
    {
        var user = await FindInReachAsync(admin, id, allowSelf: false, ct);
        var membership = await db.UnitMemberships.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.Id == membershipId && m.UserId == user.Id, ct)
            ?? throw NotFound();
        var wanted = await CheckGrantAsync(admin, request with { ValidFrom = request.ValidFrom ?? membership.ValidFrom }, ct);
        var others = await db.UnitMemberships.IgnoreQueryFilters()
            .Where(m => m.UserId == user.Id && m.UnitId == wanted.UnitId && m.Id != membershipId).ToListAsync(ct);
        if (others.Any(m => Overlaps(m, wanted.ValidFrom, wanted.ValidTo)))
        {
            throw new PlatformException(PlatformErrorCodes.MembershipOverlaps, 409);
        }

        (membership.UnitId, membership.UnitPath, membership.AgencyCode, membership.Roles, membership.ValidFrom, membership.ValidTo) =
            (wanted.UnitId, wanted.UnitPath, wanted.AgencyCode, wanted.Roles, wanted.ValidFrom, wanted.ValidTo);
        await db.SaveChangesAsync(ct);
        await EndSessionsAsync(user, ct);
        return await GetAsync(admin, id, ct);
    }

    /// <summary>Ends a membership yesterday (Vietnam day): the history keeps it, sign-in no longer offers it.</summary>
    public async Task<PersonDto> EndMembershipAsync(Administrator admin, Guid id, Guid membershipId, CancellationToken ct)
    {
        var user = await FindInReachAsync(admin, id, allowSelf: false, ct);
        var membership = await db.UnitMemberships.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.Id == membershipId && m.UserId == user.Id, ct)
            ?? throw NotFound();
        var yesterday = VietnamTime.Today(clock).AddDays(-1);
        membership.ValidTo = yesterday < membership.ValidFrom ? membership.ValidFrom : yesterday;
        await db.SaveChangesAsync(ct);
        await EndSessionsAsync(user, ct);
        return await GetAsync(admin, id, ct);
    }

    public async Task<IReadOnlyList<PersonHistoryEntry>> HistoryAsync(Administrator admin, Guid id, CancellationToken ct)
    {
        var user = await FindVisibleAsync(admin, id, ct);
        var membershipIds = await db.UnitMemberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id).Select(m => m.Id.ToString()).ToListAsync(ct);
        var userId = user.Id.ToString();
        await OneStop.Platform.Auditing.AuditSealer.SealAsync(db, wait: true, ct); // the change just made shows at once
        var records = await db.AuditRecords.AsNoTracking()
            .Where(a => (a.EntityType == nameof(PlatformUser) && a.EntityId == userId)
                        || (a.EntityType == nameof(UnitMembership) && membershipIds.Contains(a.EntityId)))
            .OrderByDescending(a => a.Id).Take(500).ToListAsync(ct);
        return records.Select(a => new PersonHistoryEntry(a.Time, a.ActorName, a.EntityType, a.Action, a.Before, a.After)).ToList();
    }

    public async Task<IReadOnlyList<RoleDto>> RolesAsync(CancellationToken ct)
    {
        var roles = await db.Roles.AsNoTracking().OrderByDescending(r => r.Rank).ThenBy(r => r.Name).ToListAsync(ct);
        var grants = await db.RolePermissions.AsNoTracking().ToListAsync(ct);
        return roles.Select(r => new RoleDto(r.Name!, r.DisplayNameVi, r.DisplayNameEn, r.Rank, r.IsBuiltIn,
            grants.Where(g => g.Role == r.Name).Select(g => g.Permission).Order(StringComparer.Ordinal).ToList())).ToList();
    }

    /// <summary>The roles this administrator may grant (ranked below its own; all for a system admin).</summary>
    public async Task<IReadOnlyList<RoleDto>> GrantableRolesAsync(Administrator admin, CancellationToken ct) =>
        (await RolesAsync(ct)).Where(r => admin.IsSystemAdmin || r.Rank < admin.Rank).ToList();

    public async Task<RoleDto> CreateRoleAsync(CreateRoleRequest request, CancellationToken ct)
    {
        var name = request.Name.Trim();
        if (await db.Roles.AnyAsync(r => r.NormalizedName == name.ToUpperInvariant(), ct))
        {
            throw new PlatformException(PlatformErrorCodes.DuplicateRole, 409, name);
        }

        db.Roles.Add(new PlatformRole(name)
        {
            NormalizedName = name.ToUpperInvariant(), DisplayNameVi = request.DisplayNameVi.Trim(),
            DisplayNameEn = string.IsNullOrWhiteSpace(request.DisplayNameEn) ? request.DisplayNameVi.Trim() : request.DisplayNameEn.Trim(),
            Rank = request.Rank, IsBuiltIn = false, ConcurrencyStamp = Guid.NewGuid().ToString(),
        });
        await db.SaveChangesAsync(ct);
        return (await RolesAsync(ct)).First(r => r.Name == name);
    }

    /// <summary>Replaces a role's permissions; applies from each holder's next request (grants are read per request).</summary>
    public async Task<RoleDto> SetPermissionsAsync(string roleName, IReadOnlyList<string?> permissions, CancellationToken ct)
    {
        var role = await db.Roles.AsNoTracking().FirstOrDefaultAsync(r => r.Name == roleName, ct)
            ?? throw new PlatformException(PlatformErrorCodes.RoleNotFound, 404, roleName);
        var known = modules.AllPermissions.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var wanted = permissions.Select(p => p!.Trim()).ToHashSet(StringComparer.Ordinal);
        if (wanted.FirstOrDefault(p => !known.Contains(p)) is { } unknown)
        {
            throw new PlatformException(PlatformErrorCodes.UnknownPermission, 400, unknown);
        }

        if (role.Name == Roles.SystemAdmin && !wanted.Contains(Permissions.PlatformPermissions.RolesManage))
        {
            // Otherwise nobody could ever edit the matrix again.
            throw new PlatformException(PlatformErrorCodes.GrantNotAllowed, 409) { MessageCode = PeopleMessages.AdminKeepsRoleManagement };
        }

        var current = await db.RolePermissions.Where(r => r.Role == role.Name).ToListAsync(ct);
        db.RolePermissions.RemoveRange(current.Where(c => !wanted.Contains(c.Permission)));
        foreach (var permission in wanted.Where(w => current.All(c => c.Permission != w)))
        {
            db.RolePermissions.Add(new RolePermission { Role = role.Name!, Permission = permission });
        }

        await db.SaveChangesAsync(ct);
        return (await RolesAsync(ct)).First(r => r.Name == role.Name);
    }

    /// <summary>Checks a grant (unit in reach, roles known and below the admin's rank, agency of the unit) and builds the row.</summary>
    internal async Task<UnitMembership> CheckGrantAsync(Administrator admin, MembershipRequest request, CancellationToken ct)
    {
        var unit = await UnitInReachAsync(admin, request.UnitId, ct);
        var names = request.Roles!.Select(r => r!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var roles = await db.Roles.AsNoTracking().Where(r => names.Contains(r.Name!)).ToListAsync(ct);
        if (names.FirstOrDefault(n => roles.All(r => r.Name != n)) is { } unknown)
        {
            throw new PlatformException(PlatformErrorCodes.UnknownRole, 400, unknown);
        }

        if (!admin.IsSystemAdmin && roles.FirstOrDefault(r => r.Rank >= admin.Rank) is { } above)
        {
            throw new PlatformException(PlatformErrorCodes.GrantNotAllowed, 403, above.DisplayNameVi) { MessageCode = PeopleMessages.RoleAboveGranter };
        }

        var agency = string.IsNullOrWhiteSpace(request.AgencyCode) ? null : request.AgencyCode.Trim();
        if (agency is not null && !await db.Agencies.IgnoreQueryFilters().AnyAsync(a => a.UnitId == unit.Id && a.Code == agency && !a.IsDeleted, ct))
        {
            throw new PlatformException(PlatformErrorCodes.UnknownAgency, 400, unit.Name, agency);
        }

        return new UnitMembership
        {
            UnitId = unit.Id, UnitPath = unit.Path, AgencyCode = agency, Roles = names,
            ValidFrom = request.ValidFrom ?? VietnamTime.Today(clock), ValidTo = request.ValidTo,
        };
    }

    private async Task<AdministrativeUnitInfo> UnitInReachAsync(Administrator admin, Guid unitId, CancellationToken ct)
    {
        var unit = await units.FindAsync(unitId, ct);
        if (unit is null || !(admin.IsSystemAdmin || unit.Path.StartsWith(admin.UnitPath, StringComparison.Ordinal)))
        {
            // Outside the subtree reads as unknown: the admin learns nothing about other units' ids.
            throw new PlatformException(PlatformErrorCodes.UnknownUnit);
        }

        return unit;
    }

    private async Task<PlatformUser> FindVisibleAsync(Administrator admin, Guid id, CancellationToken ct) =>
        await Visible(admin).FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw NotFound();

    /// <summary>A person the administrator may change: visible, every membership inside its subtree, no role at or above its rank.</summary>
    private async Task<PlatformUser> FindInReachAsync(Administrator admin, Guid id, bool allowSelf, CancellationToken ct)
    {
        var user = await FindVisibleAsync(admin, id, ct);
        if (!allowSelf && admin.UserId == user.Id)
        {
            throw new PlatformException(PlatformErrorCodes.SelfChange, 403);
        }

        if (admin.IsSystemAdmin)
        {
            return user;
        }

        var memberships = await db.UnitMemberships.IgnoreQueryFilters().AsNoTracking().Where(m => m.UserId == id).ToListAsync(ct);
        var held = memberships.SelectMany(m => m.Roles).Distinct().ToList();
        var topRank = held.Count == 0 ? 0 : await db.Roles.AsNoTracking().Where(r => held.Contains(r.Name!)).MaxAsync(r => (int?)r.Rank, ct) ?? 0;
        if (memberships.Any(m => !m.UnitPath.StartsWith(admin.UnitPath, StringComparison.Ordinal)) || (topRank >= admin.Rank && admin.UserId != user.Id))
        {
            throw new PlatformException(PlatformErrorCodes.PersonOutOfReach, 403);
        }

        return user;
    }

    /// <summary>Ends every session of the person (a removed session row is refused on its next request) and rotates the stamp.</summary>
    private async Task EndSessionsAsync(PlatformUser user, CancellationToken ct)
    {
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id, exceptSessionId: null, ct);
    }

    private async Task<List<PersonDto>> ToDtosAsync(IReadOnlyList<PlatformUser> people, CancellationToken ct)
    {
        var ids = people.Select(p => p.Id).ToList();
        var memberships = await db.UnitMemberships.IgnoreQueryFilters().AsNoTracking().Where(m => ids.Contains(m.UserId)).ToListAsync(ct);
        var today = VietnamTime.Today(clock);
        var now = clock.GetUtcNow();
        var result = new List<PersonDto>(people.Count);
        foreach (var p in people)
        {
            var rows = new List<MembershipDto>();
            foreach (var m in memberships.Where(m => m.UserId == p.Id).OrderByDescending(m => m.IsValidOn(today)).ThenBy(m => m.UnitPath))
            {
                var unit = await units.FindAsync(m.UnitId, ct);
                rows.Add(new MembershipDto(m.Id, m.UnitId, unit?.Name ?? "", m.UnitPath, m.AgencyCode, m.Roles, m.ValidFrom, m.ValidTo, m.IsDefault, m.IsValidOn(today)));
            }

            result.Add(new PersonDto(p.Id, p.UserName!, p.FullName, p.Position, p.Email, p.PhoneNumber, p.IsActive, p.MustChangePassword,
                p.TwoFactorEnabled, p.LockoutEnd is { } end && end > now, rows));
        }

        return result;
    }

    private static bool Overlaps(UnitMembership m, DateOnly from, DateOnly? to) =>
        m.ValidFrom <= (to ?? DateOnly.MaxValue) && from <= (m.ValidTo ?? DateOnly.MaxValue);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static PlatformException NotFound() =>
        new(PlatformErrorCodes.PersonNotFound, 404);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            var errors = result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
            var duplicate = result.Errors.Any(e => e.Code == "DuplicateUserName");
            throw new PlatformException(duplicate ? PlatformErrorCodes.DuplicateLogin : PlatformErrorCodes.ValidationFailed, duplicate ? 409 : 400,
                string.Join(" ", result.Errors.Select(e => e.Description))) { MessageCode = PeopleMessages.AccountRefused, Errors = errors };
        }
    }
}
