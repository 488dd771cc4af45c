using System.Globalization;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Cockpit;
using OneStop.Evaluation.Features.Kpis;
using OneStop.Platform;
using OneStop.Platform.Kpis;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Evaluation.Pages;

/// <summary>
/// One KPI of one unit: formula and target, the monthly trend, the value of every unit below (drill-down from province
/// to district to commune), and the rows behind it — the ones that make it red first.
/// </summary>
[Permission(EvaluationPermissions.Cockpit)]
internal sealed class KpiModel(KpiQueries queries, IPermissionChecker permissions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    /// <summary>was (the structure of the period) or is (today's units); default as is, as was for a retired unit.</summary>
    [BindProperty(SupportsGet = true)] public string? Structure { get; set; }

    public string View { get; private set; } = KpiStructures.Is;

    public KpiDefinition Definition { get; private set; } = null!;
    public bool SourcePending { get; private set; }
    public AdministrativeUnitInfo Current { get; private set; } = null!;
    public KpiPeriod Range { get; private set; } = null!;
    public IReadOnlyList<AdministrativeUnitInfo> Trail { get; private set; } = [];
    public KpiSnapshot? Snapshot { get; private set; }
    public decimal?[] Trend { get; private set; } = new decimal?[12];
    public IReadOnlyList<ChildRow> Children { get; private set; } = [];
    public IReadOnlyList<KpiDetailRow> Rows { get; private set; } = [];
    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var definitions = await queries.DefinitionsAsync(ct);
        if (!definitions.TryGetValue(Code, out var definition))
        {
            return NotFound();
        }

        Definition = definition;
        SourcePending = !queries.ActiveCodes.Contains(Code);
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

        Range = KpiPeriod.Parse(Period) ?? KpiPeriod.ForYear(DateTime.Today.Year);
        Trail = await queries.BreadcrumbAsync(Current, ct);
        Snapshot = (await queries.SnapshotsAsync(Current.Id, Range, ct)).GetValueOrDefault(Code);
        Trend = (await queries.TrendsAsync(Current.Id, Range.Year, ct)).GetValueOrDefault(Code) ?? new decimal?[12];
        Children = (await queries.ChildrenAsync(Current, Range, null, ct))
            .OrderBy(c => Rag.Of(c.Snapshots.GetValueOrDefault(Code)?.Value, c.Snapshots.GetValueOrDefault(Code)?.Target, definition.LowerIsBetter) switch { Rag.Red => 0, Rag.Amber => 1, _ => 2 })
            .ThenBy(c => c.Unit.Name).ToList();
        Rows = await queries.DetailsAsync(Code, Current, Range, 100, ct);
        return Page();
    }

    /// <summary>Queues a full recompute of a year (confirmation asked on the cockpit).</summary>
    public async Task<IActionResult> OnPostRecomputeAsync(int year, [FromServices] IBackgroundJobClient jobs)
    {
        if (!await permissions.IsGrantedAsync(User, EvaluationPermissions.Manage))
        {
            return Forbid();
        }

        if (year is >= 2021 and <= 2100)
        {
            jobs.Enqueue<KpiEngine>(e => e.RecomputeYearAsync(year, CancellationToken.None));
            TempData["Evaluation.Queued"] = year;
        }

        return Redirect($"/Evaluation?year={year}");
    }
}
