using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Features.Catalogue.LocationIndependence;
using OneStop.Platform;

namespace OneStop.Counters.Pages.Public;

/// <summary>
/// Danh mục TTHC tiếp nhận không phụ thuộc địa giới hành chính, public (no login): what any desk receives on a day, with
/// the decision that makes it law and its signed PDF; searchable, 50 procedures a page.
/// </summary>
[AllowAnonymous]
internal sealed class LocationIndependentModel(DecisionRegistry registry) : PageModel
{
    public const int PageSize = 50;

    internal sealed record Row(string Code, string Name, DecisionDto Decision);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? On { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<DecisionDto> Decisions { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public DateOnly Day { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Day = On is { Year: >= 2000 and <= 2100 } on ? on : registry.Today;
        Decisions = await registry.ListAsync(Day, inForceOnly: true, ct);
        var folded = string.IsNullOrWhiteSpace(Q) ? null : VietnameseText.Fold(Q);
        var rows = Decisions.SelectMany(d => d.Procedures.Select(p => new Row(p.Code, p.Name, d)))
            .GroupBy(r => r.Code).Select(g => g.First())
            .Where(r => folded is null || VietnameseText.Fold(r.Code + " " + r.Name).Contains(folded, StringComparison.Ordinal))
            .OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        Total = rows.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }
}
