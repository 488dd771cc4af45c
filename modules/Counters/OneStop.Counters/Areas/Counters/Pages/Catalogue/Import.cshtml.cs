using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Features.Catalogue.ImportCatalogue;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;

namespace OneStop.Counters.Pages.Catalogue;

/// <summary>
/// Nhập danh mục TTHC: upload a catalogue file (or take the one shipped with the product), choose the effective date,
/// see the differences (counts and pages of new, changed, abolished procedures), then confirm. Nothing is written
/// before the confirmation; a refused file shows every problem.
/// </summary>
[Permission(CountersPermissions.CatalogueManage)]
internal sealed class ImportModel(CatalogueImport import) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool Shipped { get; set; }
    [BindProperty(SupportsGet = true)] public string? FileId { get; set; }
    [BindProperty(SupportsGet = true)] public string? FileName { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? EffectiveFrom { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public CatalogueImportPreview? Preview { get; private set; }
    public CatalogueImportResult? Result { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        EffectiveFrom ??= import.Today;
        if (BlobKeys.IsValid(FileId))
        {
            await Try(async () => Preview = await import.PreviewAsync(FileId!, FileName ?? "", EffectiveFrom.Value,
                CatalogueChangeKinds.All.Contains(Kind) ? Kind : null, PageNumber, CatalogueImport.DefaultPageSize, ct));
        }
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        EffectiveFrom ??= import.Today;
        if (!Shipped && (Upload is null || Upload.Length == 0))
        {
            Error = OneStop.Platform.Localization.Messages.Text(Features.CountersMessages.CatalogueImportFileMissing);
            return Page();
        }

        string? staged = null;
        await Try(async () =>
        {
            if (Shipped)
            {
                staged = await import.StageShippedAsync(ct);
                FileName = CountersSeeder.ShippedFileName;
            }
            else
            {
                await using var stream = Upload!.OpenReadStream();
                staged = await import.StageAsync(stream, ct);
                FileName = Path.GetFileName(Upload.FileName);
            }
        });
        return staged is null
            ? Page()
            : RedirectToPage(new { fileId = staged, fileName = FileName, effectiveFrom = EffectiveFrom.Value.ToString("yyyy-MM-dd") });
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        var request = new ApplyCatalogueImportRequest(FileId, FileName, EffectiveFrom);
        if (Validation.Failures(HttpContext.RequestServices, request).FirstOrDefault() is { } invalid)
        {
            Error = invalid.Message;
            return Page();
        }

        await Try(async () => Result = await import.ApplyAsync(FileId!.ToLowerInvariant(), string.IsNullOrWhiteSpace(FileName) ? "catalogue.csv" : FileName, EffectiveFrom!.Value, ct));
        return Page();
    }

    private async Task Try(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (PlatformException e)
        {
            Error = e.Message;
            Problems = e.Errors?.SelectMany(x => x.Value).ToList() ?? [];
        }
    }
}
