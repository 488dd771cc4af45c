using OneStop.Evaluation.Contracts;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Scoping;

namespace OneStop.Portal.Features.Statistics;

/// <summary>One unit's public figures for a year, read from Evaluation's KPI snapshots (never recomputed here).</summary>
internal sealed record UnitStatistics(
    AdministrativeUnitInfo Unit, int Year, KpiValue? OnTime, KpiValue? OnlineShare, QualityIndex? Index);

/// <summary>
/// Công khai kết quả giải quyết TTHC: the on-time rate, the online share and the Decision 766 index of a unit of today's
/// tree, as Evaluation's snapshots hold them (<see cref="IEvaluationApi"/>). They are published figures of every unit,
/// so they are read in the unrestricted scope; nothing else of Evaluation is reachable from here.
/// </summary>
internal sealed class PublicStatistics(IAdministrativeUnitDirectory units, ICurrentScope scope, TimeProvider clock, IServiceProvider services)
{
    /// <summary>The KPI codes shown, as <c>kpis.json</c> names them (the portal computes none of them).</summary>
    public const string OnTimeCode = "plan.on-time";
    public const string OnlineShareCode = "plan.online-share";

    /// <summary>The province and the units directly under it on <paramref name="day"/>, province first.</summary>
    public async Task<IReadOnlyList<AdministrativeUnitInfo>> UnitsAsync(DateOnly day, CancellationToken ct)
    {
        if (await units.ProvinceAsync(day, ct) is not { } province)
        {
            return [];
        }

        var children = await units.ChildrenAsync(province.Id, day, ct);
        return [province, .. children.OrderBy(u => u.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))];
    }

    /// <summary>Null when the unit is not one of <see cref="UnitsAsync"/> today or Evaluation is switched off.</summary>
    public async Task<UnitStatistics?> ForAsync(Guid unitId, int year, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var unit = (await UnitsAsync(today, ct)).FirstOrDefault(u => u.Id == unitId);
        if (unit is null || services.GetService(typeof(IEvaluationApi)) is not IEvaluationApi evaluation)
        {
            return null;
        }

        using var _ = scope.Change(UnitScope.Unrestricted, null, "portal-public-statistics");
        var period = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var kpis = await evaluation.KpisAsync(unit.Id, period, ct);
        return new UnitStatistics(unit, year,
            kpis.FirstOrDefault(k => k.Code == OnTimeCode), kpis.FirstOrDefault(k => k.Code == OnlineShareCode),
            await evaluation.QualityIndexAsync(unit.Id, period, ct));
    }
}
