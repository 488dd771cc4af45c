using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Features.Documents;
using OneStop.Digitization.Features.Signing;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Pages;

/// <summary>One digitised document: who, where, validity; sign it with the unit's certificate; the signature as checked now.</summary>
[Permission(DigitizationPermissions.Access)]
internal sealed class DocumentModel(DocumentQueries documents, SignHandler sign, IPermissionChecker permissions, IPeopleDirectory people) : PageModel
{
    public DocumentDto? Document { get; private set; }
    /// <summary>Full names of who digitised and who signed (the document keeps logins).</summary>
    public PeopleNames Names { get; private set; } = PeopleNames.None;
    public bool CanSign { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSignAsync(Guid id, CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, DigitizationPermissions.Sign))
        {
            return Forbid();
        }

        try
        {
            await sign.HandleAsync(id, $"{Request.Scheme}://{Request.Host}{Request.PathBase}", ct);
            TempData["Digitization.Message"] = "Digitization.SignedNow";
            return RedirectToPage(new { id });
        }
        catch (PlatformException e)
        {
            ModelState.AddModelError("", e.Message);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Document = await documents.GetAsync(id, ct);
        if (Document is not null)
        {
            Names = await people.NamesAsync([Document.DigitizedBy, Document.SignedBy], ct);
        }

        CanSign = Document is { Signed: false, ArchivedAt: null } && await permissions.IsGrantedAsync(User, DigitizationPermissions.Sign);
        return Document is not null;
    }
}
