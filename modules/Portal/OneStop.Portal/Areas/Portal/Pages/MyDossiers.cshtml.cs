using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Platform;
using OneStop.Platform.Web;
using OneStop.Portal.Contracts;

namespace OneStop.Portal.Pages;

/// <summary>
/// Hồ sơ của tôi (ADR 0046): the dossiers whose applicant is the citizen signed in through VNeID — the identity number
/// from the citizen's cookie, never from the request — or, for an organisation, its enterprise code; whichever unit
/// received them, newest first, each with its status, dates, history and the forms the desk issued to the applicant
/// (PDFs). Only the citizen scheme opens it: a staff cookie does not, and a citizen's cookie opens no staff page.
/// </summary>
[Authorize(AuthenticationSchemes = CitizenAuthentication.Scheme)]
internal sealed class MyDossiersModel(IServiceProvider services) : PageModel
{
    public const int PageSize = 10;

    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public SignedInCitizen Citizen { get; private set; } = null!;
    public IReadOnlyList<PublicDossierStatus> Dossiers { get; private set; } = [];
    public string? NextCursor { get; private set; }

    /// <summary>The forms issued to the applicant (Mẫu 01–04), per dossier code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ApplicantForm>> Forms { get; private set; } = new Dictionary<string, IReadOnlyList<ApplicantForm>>();

    /// <summary>Counters is switched off: nothing to list.</summary>
    public bool Unavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (SignedInCitizen.From(User) is not { } citizen)
        {
            return Challenge(CitizenAuthentication.Scheme);
        }

        Citizen = citizen;
        if (services.GetService<ICountersPublicApi>() is not { } counters)
        {
            Unavailable = true;
            return Page();
        }

        var kind = citizen.IsOrganisation ? ApplicantKinds.Organisation : ApplicantKinds.Citizen;
        KeysetPage<PublicDossierStatus> page;
        try
        {
            page = await counters.ApplicantDossiersAsync(kind, citizen.ApplicantIdentity, Cursor is { Length: <= 200 } ? Cursor : null, PageSize, ct);
        }
        catch (PlatformException e) when (e.Code == PlatformErrorCodes.InvalidCursor)
        {
            // A cursor altered by hand: start from the newest again.
            page = await counters.ApplicantDossiersAsync(kind, citizen.ApplicantIdentity, null, PageSize, ct);
        }

        Dossiers = page.Items;
        NextCursor = page.NextCursor;
        Forms = await counters.ApplicantFormsAsync(kind, citizen.ApplicantIdentity, Dossiers.Select(d => d.Code).ToList(), ct);
        return Page();
    }

    /// <summary>
    /// One form the desk issued for one of the citizen's dossiers, as a PDF. Counters renders it only when the dossier's
    /// applicant is the identity from the cookie; any other dossier, form or state is 404, the same as one that does not exist.
    /// </summary>
    public async Task<IActionResult> OnGetFormAsync(string? code, string? form, CancellationToken ct)
    {
        if (SignedInCitizen.From(User) is not { } citizen)
        {
            return Challenge(CitizenAuthentication.Scheme);
        }

        if (services.GetService<ICountersPublicApi>() is not { } counters || code is not { Length: > 0 and <= 40 } || form is not { Length: > 0 and <= 40 })
        {
            return NotFound();
        }

        var kind = citizen.IsOrganisation ? ApplicantKinds.Organisation : ApplicantKinds.Citizen;
        return await counters.ApplicantFormAsync(kind, citizen.ApplicantIdentity, code, form, ct) is { } file
            ? File(file.Content, file.ContentType, file.FileName)
            : NotFound();
    }

    /// <summary>Đăng xuất: ends the citizen's cookie only (a staff session in the same browser stays).</summary>
    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CitizenAuthentication.Scheme);
        return LocalRedirect(PortalAddresses.Home + "?signin=signedout");
    }
}
