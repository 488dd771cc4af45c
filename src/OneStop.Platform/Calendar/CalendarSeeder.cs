using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.SeedData;

namespace OneStop.Platform.Calendar;

/// <summary>First-start seed of the official days off 2021–2026 (SeedData/SOURCES.md); seeded only while the table is empty.</summary>
internal static class CalendarSeeder
{
    public const string Resource = "vn-public-sector-days-off-2021-2026.csv";

    public static async Task SeedAsync(PlatformDbContext db, CancellationToken ct)
    {
        if (await db.DaysOff.AnyAsync(ct))
        {
            return;
        }

        foreach (var row in Csv.ReadResource(typeof(CalendarSeeder).Assembly, Resource))
        {
            db.DaysOff.Add(new DayOff(DateOnly.Parse(row["date"], CultureInfo.InvariantCulture), row["kind"], row["name_vi"], row["source"]));
        }

        await db.SaveChangesAsync(ct);
    }
}
