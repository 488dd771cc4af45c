using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Catalogue.ListProcedures;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Permissions;

namespace OneStop.Counters.Pages.Catalogue;

/// <summary>Danh mục TTHC: search, level and field filters, 50 a page.</summary>
[Permission(CountersPermissions.CatalogueRead)]
internal sealed class IndexModel(CountersDbContext db, IPermissionChecker permissions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    /// <summary>True: list the abolished procedures (bãi bỏ) instead of those in force.</summary>
    [BindProperty(SupportsGet = true)] public bool? Abolished { get; set; }
    public bool CanManage { get; private set; }
    public KeysetPage<ProcedureSummaryDto> Procedures { get; private set; } = new([], null);
    public IReadOnlyList<string> Fields { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Fields = await ListProceduresEndpoint.FieldsAsync(db, ct);
        CanManage = await permissions.IsGrantedAsync(User, CountersPermissions.CatalogueManage);
        Procedures = (await ListProceduresEndpoint.List(db, HttpContext.RequestServices.GetRequiredService<TimeProvider>(), Q, Level, Field, Abolished, Cursor, 50, ct)).Value!;
    }
}
