using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Modules;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Identity;

/// <summary>One demo account per tier and role, for the embedded default (documented in the README).</summary>
/// <param name="AgencyCode">The agency of the unit the person works for (a department at the province), or null for the whole unit.</param>
/// <param name="From">First day of the membership; the unit is the one holding <paramref name="UnitCode"/> that day (2021-01-01 by default).</param>
public sealed record DemoUser(string UserName, string FullName, string Role, string UnitCode, string Position, string? AgencyCode = null, DateOnly? From = null);

/// <summary>Seeds units and agencies, roles and their default permissions, and (when enabled) the demo users.</summary>
public static class PlatformSeeder
{
    /// <summary>Password of every demo account; only ever seeded when <c>Seed:DemoUsers</c> is true.</summary>
    public const string DemoPassword = "MotCua@2025";

    public static readonly DemoUser[] DemoUsers =
    [
        new("admin", "Quản trị hệ thống", Roles.SystemAdmin, "30", "Quản trị viên"),
        new("lanhdao.tinh", "Nguyễn Văn Tỉnh", Roles.ProvincialLeader, "30", "Phó Chủ tịch UBND tỉnh"),
        new("lanhdao.tphd", "Trần Thị Thành", Roles.UnitLeader, "288", "Phó Chủ tịch UBND thành phố Hải Dương"),
        new("chuyenvien.tphd", "Lê Văn Xử", Roles.Specialist, "288", "Chuyên viên Phòng Tư pháp"),
        new("motcua.camthuong", "Phạm Thị Nhận", Roles.DeskOfficer, "10507", "Công chức Tư pháp - Hộ tịch phường Cẩm Thượng"),
        new("motcua.binhhan", "Vũ Văn Bình", Roles.DeskOfficer, "10510", "Công chức Văn phòng - Thống kê phường Bình Hàn"),
        new("lanhdao.camthuong", "Đỗ Văn Phường", Roles.UnitLeader, "10507", "Chủ tịch UBND phường Cẩm Thượng"),
        new("buudien.tinh", "Hoàng Thị Bưu", Roles.PostalAgent, "30", "Nhân viên Bưu điện tỉnh", "BDT"), // sees the dossiers the post carries (ADR 0036)
        new("thanhtra.tinh", "Ngô Văn Tra", Roles.Inspector, "30", "Thanh tra Văn phòng UBND tỉnh"),
        new("chuyenvien.stttt", "Bùi Văn Số", Roles.Specialist, "30", "Chuyên viên Sở Thông tin và Truyền thông", "STTTT"),
        new("quantri.camthuong", "Đinh Thị Quản", Roles.UnitAdmin, "10507", "Công chức Văn phòng - Thống kê phường Cẩm Thượng"),
        // Since 2025-07-01 code 10507 is Phường Thành Đông (Cẩm Thượng, Bình Hàn, Nguyễn Trãi, …): people who never
        // belonged to Cẩm Thượng. Seeded only when that change set is applied (Seed:Reorganisations).
        new("motcua.thanhdong", "Nguyễn Thị Đông", Roles.DeskOfficer, "10507", "Công chức Trung tâm Phục vụ hành chính công phường Thành Đông", From: new(2025, 7, 1)),
        new("lanhdao.thanhdong", "Phạm Văn Thành", Roles.UnitLeader, "10507", "Chủ tịch UBND phường Thành Đông", From: new(2025, 7, 1)),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        // Seeding writes to every unit: system work, whatever scope the caller (start-up, a test) is in.
        using var system = sp.GetRequiredService<OneStop.Platform.Scoping.ICurrentScope>().Change(OneStop.Platform.Scoping.UnitScope.Unrestricted, null, "system");
        var db = sp.GetRequiredService<PlatformDbContext>();
        await AdministrativeUnitSeeder.SeedAsync(db, ct);
        await OneStop.Platform.Calendar.CalendarSeeder.SeedAsync(db, ct);

        var roles = sp.GetRequiredService<RoleManager<PlatformRole>>();
        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in Roles.BuiltIn)
        {
            var role = await roles.FindByNameAsync(definition.Name);
            if (role is null)
            {
                created.Add(definition.Name);
                await roles.CreateAsync(new PlatformRole(definition.Name)
                {
                    DisplayNameVi = definition.DisplayNameVi, DisplayNameEn = definition.DisplayNameEn, Rank = definition.Rank, IsBuiltIn = true,
                });
            }
            else if (!role.IsBuiltIn || role.Rank != definition.Rank || role.DisplayNameVi != definition.DisplayNameVi || role.DisplayNameEn != definition.DisplayNameEn)
            {
                // A built-in role's names and rank follow the code; its permissions are the admins' (below).
                (role.IsBuiltIn, role.Rank, role.DisplayNameVi, role.DisplayNameEn) = (true, definition.Rank, definition.DisplayNameVi, definition.DisplayNameEn);
                await roles.UpdateAsync(role);
            }
        }

        // Defaults are added for permissions no role holds yet, and to a built-in role when it is first created, so
        // an admin's later revocation is not undone.
        var existing = (await db.RolePermissions.Select(r => new { r.Role, r.Permission }).ToListAsync(ct))
            .Select(r => (r.Role, r.Permission)).ToHashSet();
        var granted = existing.Select(r => r.Permission).ToHashSet();
        foreach (var permission in sp.GetRequiredService<ModuleRegistry>().AllPermissions)
        {
            foreach (var role in permission.DefaultRoles.Distinct().Where(r => !granted.Contains(permission.Name) || created.Contains(r)))
            {
                if (existing.Add((role, permission.Name)))
                {
                    db.RolePermissions.Add(new RolePermission { Role = role, Permission = permission.Name });
                }
            }
        }

        await db.SaveChangesAsync(ct);

        // People created before search text existed (migration PeopleRolesSessions) get it once.
        foreach (var person in await db.Users.Where(u => u.SearchText == "").ToListAsync(ct))
        {
            person.RefreshSearchText();
        }

        await db.SaveChangesAsync(ct);

        await SeedDemoPeopleAsync(sp, db, ct);
    }

    /// <summary>
    /// Demo people only (when <c>Seed:DemoUsers</c>): after change sets created new units, their people are added
    /// without seeding units, roles and permissions again.
    /// </summary>
    public static async Task SeedDemoPeopleAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        using var system = sp.GetRequiredService<OneStop.Platform.Scoping.ICurrentScope>().Change(OneStop.Platform.Scoping.UnitScope.Unrestricted, null, "system");
        await SeedDemoPeopleAsync(sp, sp.GetRequiredService<PlatformDbContext>(), ct);
    }

    private static async Task SeedDemoPeopleAsync(IServiceProvider sp, PlatformDbContext db, CancellationToken ct)
    {
        if (sp.GetRequiredService<IConfiguration>().GetValue("Seed:DemoUsers", false))
        {
            await SeedDemoUsersAsync(db, sp.GetRequiredService<UserManager<PlatformUser>>(), ct);
        }
    }

    private static async Task SeedDemoUsersAsync(PlatformDbContext db, UserManager<PlatformUser> users, CancellationToken ct)
    {
        foreach (var demo in DemoUsers)
        {
            if (await users.FindByNameAsync(demo.UserName) is not null)
            {
                continue;
            }

            // Codes are reused: a demo person belongs to the unit holding the code on the day the membership starts.
            var unit = (await db.AdministrativeUnits.IgnoreQueryFilters().Where(u => u.Code == demo.UnitCode).ToListAsync(ct))
                .FirstOrDefault(u => demo.From is { } from ? u.ValidFrom == from : u.IsValidOn(AdministrativeUnitSeeder.ValidFrom));
            if (unit is null)
            {
                continue; // a unit created by a later change set, not applied (yet)
            }

            var user = new PlatformUser
            {
                UserName = demo.UserName, FullName = demo.FullName, Position = demo.Position,
                Email = demo.UserName + "@haiduong.gov.vn", EmailConfirmed = true, LockoutEnabled = true,
            };
            user.RefreshSearchText();
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            db.UnitMemberships.Add(new UnitMembership
            {
                UserId = user.Id, UnitId = unit.Id, UnitPath = unit.Path, IsDefault = true, AgencyCode = demo.AgencyCode, Roles = [demo.Role],
                ValidFrom = demo.From ?? AdministrativeUnitSeeder.ValidFrom,
            });
            await db.SaveChangesAsync(ct);
        }
    }
}
