using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Cockpit;
using OneStop.Platform;
using OneStop.Platform.Kpis;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Evaluation.Pages;

/// <summary>
/// Bảng điều hành: every plan target as a card (value, target, monthly trend, red/amber/green), the 766 index in its
/// six groups, and the units below with their ranking; drill-down by choosing a unit. Reads only snapshots.
/// </summary>
[Permission(EvaluationPermissions.Cockpit)]
internal sealed class IndexModel(KpiQueries queries, IPermissionChecker permissions, TimeProvider clock, KpiGlossary glossary) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>0 = the whole year, 1–4 a quarter.</summary>
    [BindProperty(SupportsGet = true)] public int? Quarter { get; set; }
    /// <summary>Level of the units ranked below (default: the children).</summary>
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    /// <summary>was (the structure of the period) or is (today's units); default as is, as was for a retired unit.</summary>
    [BindProperty(SupportsGet = true)] public string? Structure { get; set; }

    /// <summary>The view shown (see <see cref="KpiQueries.ViewAs"/>).</summary>
    public string View { get; private set; } = KpiStructures.Is;

    public AdministrativeUnitInfo Current { get; private set; } = null!;
    public KpiPeriod Period { get; private set; } = null!;
    public IReadOnlyList<AdministrativeUnitInfo> Trail { get; private set; } = [];
    public IReadOnlyList<KpiCard> Cards { get; private set; } = [];
    public QualityIndex Index { get; private set; } = null!;
    public IReadOnlyList<ChildRow> Children { get; private set; } = [];
    public DateTimeOffset? ComputedAt { get; private set; }
    public bool CanManage { get; private set; }
    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    public int ThisYear => clock.GetLocalNow().Year;

    public string Name(KpiDefinition d) => English ? d.NameEn : d.NameVi;

    public string Query(Guid? unit = null, int? year = null, int? quarter = null, string? level = null) =>
        $"?unit={unit ?? Current.Id}&year={year ?? Period.Year}&quarter={quarter ?? Quarter ?? 0}" + ((level ?? Level) is { Length: > 0 } l ? "&level=" + l : "")
        + "&structure=" + View;

    public string PeriodKey => Period.Key;

    /// <summary>The definition card of a plan target's figure.</summary>
    public KpiDefinitionCardView CardOf(KpiCard c) => new(c.Definition.Code, Name(c.Definition), c.Words, c.Snapshot?.Numerator,
        c.Snapshot is { } s && c.Definition.Measure != KpiMeasures.Count ? s.Denominator : null, glossary.PeriodText(Period), Current.Name, Current.Level, c.NoDataReason);

    /// <summary>The definition card of a Decision 766 indicator's figure.</summary>
    public KpiDefinitionCardView CardOf(KpiValue i) => new(i.Code, English ? i.NameEn : i.NameVi, i.Definition ?? throw new InvalidOperationException("An indicator without its definition."),
        i.NumeratorCount, i.DenominatorCount, glossary.PeriodText(Period), Current.Name, Current.Level, i.NoDataReason);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Current = await queries.UnitAsync(Unit, ct);
        }
        catch (PlatformException e) when (e.Code == EvaluationErrorCodes.UnitNotFound)
        {
            return NotFound();
        }

        try
        {
            View = queries.ViewAs(Structure, Current);
        }
        catch (PlatformException e) when (e.Code == EvaluationErrorCodes.InvalidStructure)
        {
            return BadRequest();
        }

        var year = Year is >= 2021 and <= 2100 ? Year.Value : ThisYear;
        Period = Quarter is >= 1 and <= 4 ? KpiPeriod.ForQuarter(year, Quarter.Value) : KpiPeriod.ForYear(year);
        Trail = await queries.BreadcrumbAsync(Current, ct);
        Cards = await queries.CardsAsync(Current, Period, ct);
        Index = await queries.QualityIndexAsync(Current, Period, ct);
        Children = await queries.ChildrenAsync(Current, Period, Level, ct);
        ComputedAt = await queries.LastRunAsync(ct);
        CanManage = await permissions.IsGrantedAsync(User, EvaluationPermissions.Manage);
        return Page();
    }

    public static string Format(decimal? value, string measure) => value is not { } v ? "—"
        : v.ToString("#,0.#", CultureInfo.CurrentCulture) + (measure == KpiMeasures.Ratio ? "%" : "");
}
