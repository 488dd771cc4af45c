using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Features.Desks;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Platform.Domain;

namespace OneStop.Digitization.Features.Kpi;

/// <summary>
/// Source figures of the plan's digitisation targets (KH 468) and Decision 766's "Số hóa hồ sơ" group per unit over any
/// range of days, for the module's own <c>GET /kpi</c>, with the definitions the KPI engine uses
/// (<see cref="DigitizationKpiCalculator"/>, ADR 0030): the results register's stock valid on the last day at the
/// competent unit; dossiers by resolution or reception day at the receiving desk; components not asked again; desks.
/// Four grouped queries whatever the number of dossiers. Days are counted in Vietnam time (UTC+7).
/// </summary>
internal sealed class DigitizationKpiSource(DigitizationDbContext db, PlatformDbContext platform)
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    /// <summary>One row per unit below <paramref name="unitPath"/> that has results, dossiers or desks; days [from, to].</summary>
    public async Task<IReadOnlyList<DigitizationKpiRow>> PerUnitAsync(string unitPath, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var start = VietnamTime.StartOfDay(from); // Npgsql takes UTC only
        var end = VietnamTime.StartOfDay(to.AddDays(1));
        var flags = DigitizationKpiFlags.Of(db, db.Dossiers.IgnoreQueryFilters(Scope).Where(d => !d.IsDeleted && d.UnitPath.StartsWith(unitPath)
            && ((d.ResolvedAt >= start && d.ResolvedAt < end) || (d.ReceivedAt >= start && d.ReceivedAt < end))), start, end, to);
        var dossiers = (await flags
            .GroupBy(f => new { f.UnitId, f.UnitPath })
            .Select(g => new
            {
                g.Key.UnitId,
                g.Key.UnitPath,
                Resolved = g.Sum(f => f.Resolved ? 1 : 0),
                Archived = g.Sum(f => f.Resolved && f.Result && !f.Open && f.Archived ? 1 : 0),
                Signed = g.Sum(f => f.Resolved && f.SignedResult ? 1 : 0),
                Components = g.Sum(f => f.Received ? f.Components : 0),
                NotAsked = g.Sum(f => f.Received ? f.NotAsked : 0),
                Reusing = g.Sum(f => f.Received && f.Reused > 0 ? 1 : 0),
            })
            .ToListAsync(ct)).ToDictionary(d => d.UnitId);
        var results = (await db.Results.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(r => !r.IsDeleted && r.UnitPath.StartsWith(unitPath)).Where(IssuedResult.ValidOn(to))
            .GroupBy(r => new { r.UnitId, r.UnitPath })
            .Select(g => new { g.Key.UnitId, g.Key.UnitPath, Valid = g.Count(), Digitised = g.Count(r => r.DigitisedAt != null && r.DigitisedAt < end) })
            .ToListAsync(ct)).ToDictionary(r => r.UnitId);
        var desks = (await platform.Agencies.IgnoreQueryFilters(Scope)
            .Where(a => !a.IsDeleted && DeskService.DeskKinds.Contains(a.Kind) && a.UnitPath.StartsWith(unitPath))
            .GroupBy(a => new { a.UnitId, a.UnitPath }).Select(g => new { g.Key.UnitId, g.Key.UnitPath, Count = g.Count() }).ToListAsync(ct)).ToDictionary(d => d.UnitId);
        var digitizing = await db.Desks.IgnoreQueryFilters(Scope)
            .Where(d => !d.IsDeleted && d.Enabled && d.EnabledSince < end && d.UnitPath.StartsWith(unitPath))
            .GroupBy(d => d.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);

        var units = dossiers.Values.Select(d => (d.UnitId, d.UnitPath)).Concat(results.Values.Select(r => (r.UnitId, r.UnitPath)))
            .Concat(desks.Values.Select(d => (d.UnitId, d.UnitPath))).DistinctBy(u => u.UnitId).ToList();
        var ids = units.Select(u => u.UnitId).ToList();
        var levels = await platform.AdministrativeUnits.IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Level, ct);
        return units.OrderBy(u => u.UnitPath, StringComparer.Ordinal).Select(u =>
        {
            var d = dossiers.GetValueOrDefault(u.UnitId);
            var r = results.GetValueOrDefault(u.UnitId);
            return new DigitizationKpiRow(u.UnitId, u.UnitPath, levels.GetValueOrDefault(u.UnitId, ""),
                r?.Valid ?? 0, r?.Digitised ?? 0, d?.Resolved ?? 0, d?.Archived ?? 0, d?.Signed ?? 0, d?.Components ?? 0, d?.NotAsked ?? 0, d?.Reusing ?? 0,
                desks.GetValueOrDefault(u.UnitId)?.Count ?? 0, digitizing.GetValueOrDefault(u.UnitId));
        }).ToList();
    }
}

internal static class KpiEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/kpi", Get).RequirePermission(DigitizationPermissions.Kpi)
            .WithSummary("Số liệu nguồn chỉ số số hóa theo đơn vị trong phạm vi: kết quả còn hiệu lực đã số hóa theo đơn vị có thẩm quyền, hồ sơ giải quyết đã số hóa và lưu trữ, thành phần không phải nộp lại, Bộ phận Một cửa số hóa");

    private static async Task<Results<Ok<IReadOnlyList<DigitizationKpiRow>>, ProblemHttpResult>> Get(
        DigitizationKpiSource source, ICurrentScope scope, DateOnly? from, DateOnly? to, TimeProvider clock, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var (start, end) = (from ?? new DateOnly(today.Year, 1, 1), to ?? today);
        if (end < start)
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.ValidationFailed, Messages.Text(DigitizationMessages.PeriodInvalid), 400));
        }

        // The caller's scope bounds the figures: a commune sees its own row only.
        return TypedResults.Ok(await source.PerUnitAsync(scope.Unit.Path, start, end, ct));
    }
}
