using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Catalogue.DocumentTypes;
using OneStop.Platform.Documents;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Pages.Catalogue;

/// <summary>
/// Danh mục mã loại giấy tờ: search, 50 a page, retired codes on request; a catalogue manager adds, renames, retires
/// (after a confirmation) and restores codes through the same registry and validators as the API.
/// </summary>
[Permission(CountersPermissions.CatalogueRead)]
internal sealed class DocumentTypesModel(DocumentTypeRegistry registry, IPermissionChecker permissions, IStringLocalizer<CountersModule> text) : PageModel
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

    /// <summary>Every code the search matches, as Excel (code, name, status, procedures using it).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await registry.ListAllAsync(Q, IncludeRetired, ct);
        var title = text["DocumentTypes.Title"].Value;
        ExcelColumn<DocumentTypeDto>[] columns =
        [
            new(text["DocumentTypes.Code"], 22, d => d.Code),
            new(text["DocumentTypes.Name"], 60, d => d.Name),
            new(text["DocumentTypes.Status"], 26, d => d.RetiredFrom is { } retired
                ? text["DocumentTypes.RetiredFrom", retired.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)].Value
                : text["DocumentTypes.InUse"].Value),
            new(text["DocumentTypes.UsedBy"], 14, d => d.UsedByProcedures),
        ];
        using var book = new ExcelWorkbook().Sheet(title, columns, rows, [title]);
        return File(book.ToBytes(), ExcelWorkbook.ContentType, $"{title} {registry.Today:yyyy-MM-dd}.xlsx");
    }

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
