using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Catalogue.ListProcedures;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Permissions;

namespace OneStop.Counters.Pages.Catalogue;

/// <summary>Danh mục TTHC: search, level and field filters, 50 a page.</summary>
[Permission(CountersPermissions.CatalogueRead)]
internal sealed class IndexModel(CountersDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    public KeysetPage<ProcedureSummaryDto> Procedures { get; private set; } = new([], null);
    public IReadOnlyList<string> Fields { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Fields = await ListProceduresEndpoint.FieldsAsync(db, ct);
        Procedures = (await ListProceduresEndpoint.List(db, Q, Level, Field, Cursor, 50, ct)).Value!;
    }
}
