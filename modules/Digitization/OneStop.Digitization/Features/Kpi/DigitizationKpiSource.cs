using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Features.Desks;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Platform.Domain;

namespace OneStop.Digitization.Features.Kpi;

/// <summary>
/// Source figures of the plan's digitisation targets (KH 468) and Decision 766's "Số hóa hồ sơ" group per unit, for
/// the module's own <c>GET /kpi</c> (the KPI engine gets its figures from <see cref="DigitizationKpiCalculator"/>):
/// three grouped queries (dossiers with EXISTS sub-queries for results and open scan items, desks, desks switched on),
/// each one SQL statement whatever the number of dossiers. Days are counted in Vietnam time (UTC+7).
/// </summary>
internal sealed class DigitizationKpiSource(DigitizationDbContext db, PlatformDbContext platform, IAdministrativeUnitDirectory units)
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    /// <summary>One row per unit below <paramref name="unitPath"/> that has dossiers or desks; dossiers by resolution (or reception) date in [from, to].</summary>
    public async Task<IReadOnlyList<DigitizationKpiRow>> PerUnitAsync(string unitPath, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var start = OneStop.Platform.Domain.VietnamTime.StartOfDay(from); // Npgsql takes UTC only
        var end = OneStop.Platform.Domain.VietnamTime.StartOfDay(to.AddDays(1));
        var flags = DigitizationKpiFlags.Of(db, db.Dossiers.IgnoreQueryFilters(Scope).Where(d => !d.IsDeleted && d.UnitPath.StartsWith(unitPath)), start, end, to);
        var dossiers = await flags
            .GroupBy(f => new { f.UnitId, f.UnitPath })
            .Select(g => new
            {
                g.Key.UnitId,
                g.Key.UnitPath,
                Resolved = g.Sum(f => f.Resolved ? 1 : 0),
                ResultsDigitized = g.Sum(f => f.Resolved && f.Result ? 1 : 0),
                ResolvedDigitized = g.Sum(f => f.Resolved && f.Result && !f.Open ? 1 : 0),
                ResolvedDigitizedAndArchived = g.Sum(f => f.Resolved && f.Result && !f.Open && f.Archived ? 1 : 0),
                ReceivedWithReusable = g.Sum(f => f.Received && f.Reusable > 0 ? 1 : 0),
                ReceivedReusing = g.Sum(f => f.Received && f.Reused > 0 ? 1 : 0),
            })
            .ToListAsync(ct);
        var desks = await platform.Agencies.IgnoreQueryFilters(Scope)
            .Where(a => !a.IsDeleted && DeskService.DeskKinds.Contains(a.Kind) && a.UnitPath.StartsWith(unitPath))
            .GroupBy(a => new { a.UnitId, a.UnitPath }).Select(g => new { g.Key.UnitId, g.Key.UnitPath, Count = g.Count() }).ToListAsync(ct);
        var digitizing = await db.Desks.IgnoreQueryFilters(Scope)
            .Where(d => !d.IsDeleted && d.Enabled && d.UnitPath.StartsWith(unitPath))
            .GroupBy(d => d.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);

        var unitPaths = dossiers.Select(d => (d.UnitId, d.UnitPath)).Concat(desks.Select(d => (d.UnitId, d.UnitPath))).Distinct().OrderBy(u => u.UnitPath);
        var result = new List<DigitizationKpiRow>();
        foreach (var (unitId, path) in unitPaths)
        {
            var d = dossiers.FirstOrDefault(x => x.UnitId == unitId);
            var level = (await units.FindAsync(unitId, ct))?.Level ?? "";
            result.Add(new DigitizationKpiRow(unitId, path, level,
                d?.Resolved ?? 0, d?.ResultsDigitized ?? 0, d?.ResolvedDigitized ?? 0, d?.ResolvedDigitizedAndArchived ?? 0,
                desks.FirstOrDefault(x => x.UnitId == unitId)?.Count ?? 0, digitizing.GetValueOrDefault(unitId),
                d?.ReceivedWithReusable ?? 0, d?.ReceivedReusing ?? 0));
        }

        return result;
    }
}

internal static class KpiEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/kpi", Get).RequirePermission(DigitizationPermissions.Kpi)
            .WithSummary("Số liệu nguồn chỉ số số hóa theo đơn vị trong phạm vi (kết quả số hóa, Bộ phận Một cửa số hóa, lưu trữ, tái sử dụng)");

    private static async Task<Results<Ok<IReadOnlyList<DigitizationKpiRow>>, ProblemHttpResult>> Get(
        DigitizationKpiSource source, ICurrentScope scope, DateOnly? from, DateOnly? to, TimeProvider clock, CancellationToken ct)
    {
        var today = OneStop.Platform.Domain.VietnamTime.Today(clock);
        var (start, end) = (from ?? new DateOnly(today.Year, 1, 1), to ?? today);
        if (end < start)
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.ValidationFailed, Messages.Text(DigitizationMessages.PeriodInvalid), 400));
        }

        // The caller's scope bounds the figures: a commune sees its own row only.
        return TypedResults.Ok(await source.PerUnitAsync(scope.Unit.Path, start, end, ct));
    }
}
