using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Identity;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Host.Demo;

/// <summary>
/// The demo dataset's specialist (Chuyên viên dữ liệu mẫu): a real account with a specialist's membership of every unit
/// standing at some time since <c>from</c> (for as long as the unit stood: the dataset reaches back before 2025-07-01), so the generated dossiers are handed to a person the unit could hand them to (issue 17: never to a
/// login nobody has). It has no password and cannot sign in; it exists only where demo data is generated.
/// </summary>
internal static class DemoStaff
{
    public const string Specialist = "chuyenvien.dulieumau";

    public static async Task EnsureAsync(IServiceProvider services, DateOnly from, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PlatformDbContext>();
        var users = sp.GetRequiredService<UserManager<PlatformUser>>();
        var user = await users.FindByNameAsync(Specialist);
        if (user is null)
        {
            user = new PlatformUser { UserName = Specialist, FullName = "Chuyên viên Dữ liệu mẫu", Position = "Chuyên viên (dữ liệu mẫu)", LockoutEnabled = true };
            user.RefreshSearchText();
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }

        var held = (await db.UnitMemberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id).Select(m => m.UnitId).ToListAsync(ct)).ToHashSet();
        var units = await db.AdministrativeUnits.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.ValidTo == null || u.ValidTo > from).ToListAsync(ct);
        foreach (var unit in units.Where(u => !held.Contains(u.Id)))
        {
            db.UnitMemberships.Add(new UnitMembership
            {
                UserId = user.Id, UnitId = unit.Id, UnitPath = unit.Path, IsDefault = held.Count == 0 && unit.ParentId == null, Roles = [Roles.Specialist], ValidFrom = unit.ValidFrom,
                ValidTo = unit.ValidTo?.AddDays(-1), // a unit's end is exclusive, a membership's last day inclusive
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
