using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Features.Desks;
using OneStop.Digitization.Features.Documents;
using OneStop.Digitization.Features.ScanQueue;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Pages;

/// <summary>Số hóa: scan or upload the file for a scan-queue item, or a free document of an applicant.</summary>
[Permission(DigitizationPermissions.Digitize)]
[RequestSizeLimit(64 * 1024 * 1024)]
internal sealed class DigitizeModel(DigitizeHandler handler, ScanQueueQueries queue, DeskService desks) : PageModel
{
    public ScanQueueItemDto? Item { get; private set; }
    public IReadOnlyList<DeskDto> Desks { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public Guid? ItemId { get; set; }
    [BindProperty] public DigitizeForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? item, string? kind, CancellationToken ct)
    {
        ItemId ??= item;
        Input.Kind ??= kind; // "RESULT" from the results register: an old result from the back-file
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        Input.QueueItemId = ItemId;
        var request = Input.ToRequest();
        ModelState.Check(HttpContext.RequestServices, request, "Input");

        if (file is null)
        {
            ModelState.AddModelError("", Messages.Text(DigitizationMessages.FileMissing));
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await using var content = file!.OpenReadStream();
                var dto = await handler.HandleAsync(request, file.FileName, content, ct);
                TempData["Digitization.Message"] = "Digitization.Digitized";
                return RedirectToPage("Document", new { id = dto.Id });
            }
            catch (PlatformException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Desks = (await desks.ListAsync(ct)).Where(d => d.Enabled).ToList();
        if (ItemId is not { } id)
        {
            return true;
        }

        Item = await queue.GetAsync(id, ct);
        return Item is not null;
    }
}
