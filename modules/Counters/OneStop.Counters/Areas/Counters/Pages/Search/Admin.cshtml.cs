using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Features.Search;
using OneStop.Platform.Permissions;
using OneStop.Platform.Search;

namespace OneStop.Counters.Pages.Search;

/// <summary>Chỉ mục tìm kiếm hồ sơ: the live version, a rebuild's progress (refreshed every few seconds), start or resume a rebuild.</summary>
[Permission(DossierSearchPermissions.Manage)]
internal sealed class AdminModel(ISearchEngine engine, IBackgroundJobClient jobs) : PageModel
{
    public SearchIndexStatus Status { get; private set; } = null!;

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Status = await engine.GetStatusAsync(DossierSearchIndex.Definition, ct);

    public IActionResult OnPostReindex()
    {
        DossierSearchEndpoints.EnqueueReindex(jobs);
        Message = "Search.ReindexQueued";
        return RedirectToPage();
    }
}
