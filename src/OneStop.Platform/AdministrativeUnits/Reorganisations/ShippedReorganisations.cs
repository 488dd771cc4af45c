using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// The change sets shipped with the product, in the order they happened: Hải Dương's commune merger of 2024-12-01,
/// its departments' merger of 2025, and 2025-07-01 (district tier abolished, Hải Dương into Hải Phòng). The embedded
/// default applies them at start (<c>Seed:Reorganisations</c>); an admin of a real installation loads them in the UI.
/// </summary>
public static class ShippedReorganisations
{
    public static readonly (string File, string Title, DateOnly EffectiveOn)[] Files =
    [
        ("reorganisation-2024-12-hai-duong.json", "Sắp xếp đơn vị hành chính cấp xã tỉnh Hải Dương (01/12/2024)", new(2024, 12, 1)),
        ("reorganisation-2025-03-hai-duong-agencies.csv", "Sắp xếp các sở, ngành tỉnh Hải Dương (01/03/2025)", new(2025, 3, 1)),
        ("reorganisation-2025-07-hai-duong-to-hai-phong.json", "Sắp xếp đơn vị hành chính: Hải Dương vào thành phố Hải Phòng, bỏ cấp huyện (01/07/2025)", new(2025, 7, 1)),
    ];

    /// <summary>Agency changes of 2025-07-01 carried in the same change set as the units (one date, one act).</summary>
    private const string HaiPhongAgencies = "reorganisation-2025-07-hai-phong-agencies.csv";

    public static string Read(string fileName)
    {
        var assembly = typeof(ShippedReorganisations).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The shipped change set of <paramref name="fileName"/>, read against the units as they are.</summary>
    public static async Task<ReorganisationPlan> PlanAsync(IAdministrativeUnitDirectory directory, string fileName, CancellationToken ct = default)
    {
        var (_, title, on) = Files.Single(f => f.File == fileName);
        var all = await directory.AllAsync(ct);
        var basis = fileName.EndsWith(".csv", StringComparison.Ordinal) ? "Nghị định 45/2025/NĐ-CP" : null;
        var (plan, problems) = ReorganisationFile.Read(Read(fileName), fileName, title, basis, on, day => all.Where(u => u.IsValidOn(day)).ToList());
        if (plan is null)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        if (on == Reorganiser.ServiceCentresFrom)
        {
            var (extra, _) = ReorganisationFile.Read(Read(HaiPhongAgencies), HaiPhongAgencies, null, null, on, _ => []);
            plan = plan with { Operations = [.. plan.Operations, .. extra!.Operations], LegalBasis = plan.LegalBasis + "; Nghị định 118/2025/NĐ-CP" };
        }

        return plan;
    }

    /// <summary>Applies every shipped change set not applied yet (idempotent: applied ones are recognised by content).</summary>
    public static async Task ApplyAllAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var reorganiser = services.GetRequiredService<Reorganiser>();
        var directory = services.GetRequiredService<IAdministrativeUnitDirectory>();
        foreach (var (file, _, _) in Files)
        {
            var plan = await PlanAsync(directory, file, ct);
            await reorganiser.ApplyAsync(plan, null, "system", ct);
        }
    }
}
