using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.SeedData;

namespace OneStop.Platform.AdministrativeUnits;

/// <summary>
/// Seeds Tỉnh Hải Dương (30), its 12 district-level and 235 commune-level units as of 2021, the provincial agencies
/// named in the plan, and one one-stop desk (Bộ phận Một cửa) per district and commune. Runs once: skipped when the
/// province exists.
/// </summary>
internal static class AdministrativeUnitSeeder
{
    public static readonly DateOnly ValidFrom = new(2021, 1, 1);

    public static async Task SeedAsync(PlatformDbContext db, CancellationToken ct)
    {
        if (await db.AdministrativeUnits.IgnoreQueryFilters().AnyAsync(ct))
        {
            return;
        }

        var assembly = typeof(AdministrativeUnitSeeder).Assembly;
        var rows = Csv.ReadResource(assembly, "admin-units-hai-duong-2021.csv").ToList();
        var first = rows[0];
        var province = new AdministrativeUnit(first["province_code"], first["province_name"], UnitLevels.Province, "tinh", null, ValidFrom);
        province.StampOrigin(null);
        db.AdministrativeUnits.Add(province);

        var districts = new Dictionary<string, AdministrativeUnit>();
        foreach (var row in rows)
        {
            if (!districts.TryGetValue(row["district_code"], out var district))
            {
                district = new AdministrativeUnit(row["district_code"], row["district_name"], UnitLevels.District, row["district_type"], province, ValidFrom);
                district.StampOrigin(null);
                districts.Add(district.Code, district);
                db.AdministrativeUnits.Add(district);
                db.Agencies.Add(new Agency("MC" + district.Code, "Bộ phận Một cửa " + district.Name, AgencyKinds.OneStopDesk, district));
            }

            var commune = new AdministrativeUnit(row["commune_code"], row["commune_name"], UnitLevels.Commune, row["commune_type"], district, ValidFrom);
            commune.StampOrigin(null);
            db.AdministrativeUnits.Add(commune);
            db.Agencies.Add(new Agency("MC" + commune.Code, "Bộ phận Một cửa " + commune.Name, AgencyKinds.OneStopDesk, commune));
        }

        foreach (var row in Csv.ReadResource(assembly, "agencies-hai-duong.csv"))
        {
            db.Agencies.Add(new Agency(row["code"], row["name"], row["kind"], province));
        }

        await db.SaveChangesAsync(ct);
    }
}
