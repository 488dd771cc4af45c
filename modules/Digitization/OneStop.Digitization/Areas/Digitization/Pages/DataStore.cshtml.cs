using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Features.DataStore;
using OneStop.Digitization.Features.Documents;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.Localization;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Pages;

/// <summary>Kho dữ liệu điện tử: an applicant's documents (each look logged), consent to sharing, and who looked.</summary>
[Permission(DigitizationPermissions.DataStore)]
internal sealed class DataStoreModel(DataStore store, DigitizationDbContext db, IPeopleDirectory people) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Identity { get; set; }
    public IReadOnlyList<DocumentDto> Documents { get; private set; } = [];
    public IReadOnlyList<ConsentDto> Consents { get; private set; } = [];
    public IReadOnlyList<AccessEntryDto> Access { get; private set; } = [];
    /// <summary>The consent in force for the acting unit: granted, refused (or withdrawn), or none recorded (ADR 0035).</summary>
    public bool? ConsentOfUnit { get; private set; }
    public bool Consented => ConsentOfUnit == true;
    /// <summary>Full names of the officers in the consent and access logs (an API client keeps its id).</summary>
    public PeopleNames Names { get; private set; } = PeopleNames.None;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostConsentAsync(bool granted, string? purpose, CancellationToken ct)
    {
        try
        {
            await store.RecordConsentAsync(Identity ?? "", granted, string.IsNullOrWhiteSpace(purpose) ? "Tái sử dụng khi giải quyết thủ tục hành chính" : purpose, ct);
            return RedirectToPage(new { identity = Identity });
        }
        catch (PlatformException e)
        {
            ModelState.AddModelError("", e.Message);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var identity = Identity?.Trim();
        if (string.IsNullOrEmpty(identity))
        {
            return;
        }

        if (!ApplicantIdentities.IsValid(identity))
        {
            ModelState.AddModelError(nameof(Identity), Messages.Text(DigitizationErrorCodes.InvalidApplicant));
            return;
        }

        Documents = await store.DocumentsAsync(identity, ct);
        ConsentOfUnit = await store.ConsentOfActingUnitAsync(identity, ct);
        Consents = await db.Consents.AsNoTracking().Where(c => c.ApplicantIdentity == identity).OrderByDescending(c => c.Id).Take(20)
            .Select(c => new ConsentDto(c.CreatedAt, c.CreatedBy, c.Granted, c.Purpose, c.UnitPath, c.EffectiveFrom)).ToListAsync(ct);
        Access = await db.AccessLog.AsNoTracking().Where(a => a.ApplicantIdentity == identity).OrderByDescending(a => a.Id).Take(20)
            .Select(a => new AccessEntryDto(a.CreatedAt, a.CreatedBy, a.Purpose, a.DocumentCount, a.UnitPath)).ToListAsync(ct);
        Names = await people.NamesAsync(Consents.Select(c => c.RecordedBy).Concat(Access.Select(a => a.Actor)), ct);
    }
}
