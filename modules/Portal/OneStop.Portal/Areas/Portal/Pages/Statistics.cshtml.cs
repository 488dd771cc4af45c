using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform;
using OneStop.Platform.Domain;
using OneStop.Portal.Features.Statistics;

namespace OneStop.Portal.Pages;

/// <summary>
/// Công khai kết quả giải quyết TTHC: for the province or one of the units under it today, and a year, the on-time rate,
/// the online share and the Decision 766 index from Evaluation's snapshots. Only published figures; no dossier.
/// </summary>
[AllowAnonymous]
internal sealed class StatisticsModel(PublicStatistics statistics, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public IReadOnlyList<AdministrativeUnitInfo> Units { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public UnitStatistics? Figures { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        Units = await statistics.UnitsAsync(today, ct);
        Years = [today.Year, today.Year - 1];
        Year = Year is { } y && Years.Contains(y) ? y : today.Year;
        var unit = Units.FirstOrDefault(u => u.Id == Unit) ?? Units.FirstOrDefault();
        Unit = unit?.Id;
        if (unit is not null)
        {
            Figures = await statistics.ForAsync(unit.Id, Year.Value, ct);
        }
    }
}
