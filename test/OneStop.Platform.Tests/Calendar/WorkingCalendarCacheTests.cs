using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Calendar;
using OneStop.Platform.Persistence;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.Tests.Calendar;

/// <summary>
/// ADR 0060: each instance keeps its calendar snapshot while the version in PostgreSQL is the same; a change written on
/// one instance (through the model or by plain SQL) is seen by the next read on the other.
/// </summary>
public sealed class WorkingCalendarCacheTests(OneStopFactory fx) : IClassFixture<OneStopFactory>
{
    private static readonly DateOnly Wednesday = new(2026, 12, 30);

    [Fact]
    public async Task A_change_written_on_one_instance_is_seen_by_the_next_read_on_the_other()
    {
        await using var second = fx.AnotherInstance();
        await second.InitializeAsync();

        // Nothing changed: the second instance reads the calendar once and hands out the same snapshot.
        var first = await Calendar(second, c => c.LoadAsync());
        (await Calendar(second, c => c.LoadAsync())).ShouldBeSameAs(first);
        (await Calendar(second, c => c.IsWorkingDayAsync(Wednesday))).ShouldBeTrue();

        // A day off added on the first instance, through the model.
        await fx.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            db.DaysOff.Add(new DayOff(Wednesday, DayOffKinds.Holiday, "Nghỉ thử bộ nhớ đệm", "test"));
            await db.SaveChangesAsync();
            return 0;
        });
        (await Calendar(second, c => c.IsWorkingDayAsync(Wednesday))).ShouldBeFalse();

        // Removed by plain SQL, past the model: the trigger gives a new version all the same.
        await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Database
            .ExecuteSqlRawAsync("""DELETE FROM platform."DaysOff" WHERE "Name" = 'Nghỉ thử bộ nhớ đệm'"""));
        (await Calendar(second, c => c.IsWorkingDayAsync(Wednesday))).ShouldBeTrue();

        // A unit's office hours set on the first instance.
        var unitId = await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().AdministrativeUnits
            .Where(u => u.Code == "10507").Select(u => u.Id).FirstAsync());
        (await Calendar(second, c => c.OfficeHoursAsync(unitId))).ShouldBe(OfficeHours.Default);
        await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Database.ExecuteSqlRawAsync(
            """
            INSERT INTO platform."OfficeHours" ("Id", "UnitId", "UnitPath", "IsDeleted", "CreatedAt", "CreatedBy", "MorningStart", "MorningEnd", "AfternoonStart", "AfternoonEnd")
            SELECT gen_random_uuid(), "Id", "Path", false, now(), 'test', '07:30', '11:30', '13:00', '16:30' FROM platform."AdministrativeUnits" WHERE "Id" = {0}
            """, unitId));
        (await Calendar(second, c => c.OfficeHoursAsync(unitId))).ShouldBe(new OfficeHours(new(7, 30), new(11, 30), new(13, 0), new(16, 30)));
        await fx.AsSystemAsync(sp => sp.GetRequiredService<PlatformDbContext>().Database
            .ExecuteSqlRawAsync("""DELETE FROM platform."OfficeHours" WHERE "UnitId" = {0}""", unitId));
    }

    private static async Task<T> Calendar<T>(OneStopFactory instance, Func<IWorkingCalendar, Task<T>> read)
    {
        using var scope = instance.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<IWorkingCalendar>());
    }
}
