using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using OneStop.Platform.Host.Localization;
using OneStop.Platform.Localization;

namespace OneStop.Platform.Host.Pages.People;

/// <summary>Staff from a workbook: upload, see every row's errors, then confirm the valid rows (nothing before that).</summary>
[Permission(PlatformPermissions.UsersManage)]
internal sealed class ImportModel(PeopleAdministration people, PeopleImport import) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? FileId { get; set; }

    public ImportPreview? Preview { get; private set; }
    public IReadOnlyList<ImportedPerson>? Created { get; private set; }
    public IReadOnlyList<RoleDto> Roles { get; private set; } = [];
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public string RoleName(string code, bool english) =>
        RoleDto.DisplayNameOf(Roles, code, english);

    public IActionResult OnGetTemplate() =>
        File(PeopleImport.Template(), OneStop.Platform.Storage.FileTypes.Xlsx, "mau-nhap-can-bo.xlsx");

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Error = Messages.Text(HostMessages.PeopleWorkbookMissing);
            return Page();
        }

        try
        {
            await using var stream = Upload.OpenReadStream();
            Preview = await import.PreviewAsync(await people.AdministratorAsync(User, ct), Upload.FileName, stream, ct);
            Roles = await people.RolesAsync(ct);
        }
        catch (PlatformException e)
        {
            Error = e.Message;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var confirmation = new ImportConfirmation(FileId ?? "");
        if (Validation.Failures(HttpContext.RequestServices, confirmation).FirstOrDefault() is { } invalid)
        {
            Error = invalid.Message;
            return Page();
        }

        try
        {
            Created = await import.ConfirmAsync(await people.AdministratorAsync(User, ct), confirmation.FileId, ct);
        }
        catch (PlatformException e)
        {
            Error = e.Message;
        }

        return Page();
    }
}
