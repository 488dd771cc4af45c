using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Features.ControlReport;

namespace OneStop.PlanTasks.Pages;

/// <summary>
/// The periodic TTHC-control report of the acting unit or a unit below it: choose the period, read the preview,
/// download it as PDF or Excel (the files come from <c>GET /api/v1/plantasks/control-report</c>).
/// </summary>
[Permission(PlanTasksPermissions.Access)]
internal sealed class ControlReportModel(ControlReportBuilder builder, IAdministrativeUnitDirectory units, ICurrentScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }

    public ControlReportData? Data { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<AdministrativeUnitInfo> Units { get; private set; } = [];
    public IReadOnlyList<(int Year, IReadOnlyList<ReportPeriod> Periods)> Periods { get; private set; } = [];

    public string DownloadUrl(string format) =>
        $"/api/v1/plantasks/control-report?unitId={Data!.Unit.Id}&period={Uri.EscapeDataString(Data.Period.Key)}&format={format}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = builder.Today;
        Periods = Enumerable.Range(2021, today.Year - 2020).Reverse()
            .Select(y => (y, (IReadOnlyList<ReportPeriod>)new[] { $"{y}", $"{y}-H2", $"{y}-H1", $"{y}-Q4", $"{y}-Q3", $"{y}-Q2", $"{y}-Q1" }
                .Select(k => ReportPeriod.Parse(k)!).Where(p => p.Start <= today).ToList()))
            .ToList();
        // The acting unit and the units directly under it (a district's communes, the province's districts).
        var own = await units.FindAsync(scope.Unit.UnitId, ct);
        Units = own is null ? [] : [own, .. (await units.ChildrenAsync(own.Id, ct: ct)).OrderBy(u => u.Path, StringComparer.Ordinal)];
        try
        {
            Data = await builder.LoadAsync(Unit, string.IsNullOrWhiteSpace(Period) ? null : Period, ct);
        }
        catch (PlatformException e) when (e.StatusCode == 404)
        {
            return NotFound();
        }
        catch (PlatformException e)
        {
            Error = e.Message;
        }

        return Page();
    }
}
