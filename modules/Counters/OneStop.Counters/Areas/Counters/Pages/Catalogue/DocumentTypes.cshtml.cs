using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Catalogue.DocumentTypes;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Pages.Catalogue;

/// <summary>
/// Danh mục mã loại giấy tờ: search, 50 a page, retired codes on request; a catalogue manager adds, renames, retires
/// (after a confirmation) and restores codes through the same registry and validators as the API.
/// </summary>
[Permission(CountersPermissions.CatalogueRead)]
internal sealed class DocumentTypesModel(DocumentTypeRegistry registry, IPermissionChecker permissions) : PageModel
{
    public const int PageSize = 50;
    public const string AddErrors = "Add";
    public const string ListErrors = "List";

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool IncludeRetired { get; set; }
    /// <summary>Page number ("page" is Razor Pages' own route value).</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int P { get; set; } = 1;

    [TempData] public string? Message { get; set; }
    public bool CanManage { get; private set; }
    public PagedResult<DocumentTypeDto> Types { get; private set; } = new([], 0, 1, PageSize);
    /// <summary>The values typed in the add form, kept when it is refused.</summary>
    public string? NewCode { get; private set; }
    public string? NewName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAddAsync(string? code, string? name, CancellationToken ct)
    {
        (NewCode, NewName) = (code, name);
        var request = new AddDocumentTypeRequest(code ?? "", name ?? "");
        return ChangeAsync(AddErrors, Validation.Failures(HttpContext.RequestServices, request), async () =>
        {
            var added = await registry.AddAsync(request, ct);
            return Messages.Text(DocumentTypeMessages.Added, added.Code);
        }, ct);
    }

    public Task<IActionResult> OnPostRenameAsync(string? code, string? name, CancellationToken ct)
    {
        var request = new RenameDocumentTypeRequest(name ?? "");
        return ChangeAsync(ListErrors, Validation.Failures(HttpContext.RequestServices, request), async () =>
        {
            var renamed = await registry.RenameAsync(code ?? "", request, ct);
            return Messages.Text(DocumentTypeMessages.Renamed, renamed.Code);
        }, ct);
    }

    public Task<IActionResult> OnPostRetireAsync(string? code, DateOnly? retiredFrom, CancellationToken ct)
    {
        var request = new RetireDocumentTypeRequest(retiredFrom);
        return ChangeAsync(ListErrors, Validation.Failures(HttpContext.RequestServices, request), async () =>
        {
            var retired = await registry.RetireAsync(code ?? "", request, ct);
            return Messages.Text(DocumentTypeMessages.Retired, retired.Code, retired.RetiredFrom?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        }, ct);
    }

    public Task<IActionResult> OnPostRestoreAsync(string? code, CancellationToken ct) =>
        ChangeAsync(ListErrors, [], async () =>
        {
            var restored = await registry.RestoreAsync(code ?? "", ct);
            return Messages.Text(DocumentTypeMessages.Restored, restored.Code);
        }, ct);

    /// <summary>
    /// Checks the permission and the request, makes the change, and comes back to the same list with a message; a refusal
    /// is shown on the page under <paramref name="errorKey"/> (the add form, or above the list) and nothing is changed.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(string errorKey, IEnumerable<ValidationError> failures, Func<Task<string>> change, CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, CountersPermissions.CatalogueManage))
        {
            return Forbid();
        }

        foreach (var error in failures)
        {
            ModelState.AddModelError(errorKey, error.Message);
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                Message = await change();
                return RedirectToPage(new { q = Q, includeRetired = IncludeRetired ? true : (bool?)null, p = P > 1 ? P : (int?)null });
            }
            catch (PlatformException e)
            {
                ModelState.AddModelError(errorKey, e.Message);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanManage = await permissions.IsGrantedAsync(User, CountersPermissions.CatalogueManage);
        Types = await registry.ListAsync(Q, IncludeRetired, P, PageSize, ct);
    }
}
