using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Evaluation.Contracts;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Portal.Contracts;
using OneStop.Portal.Features.MyDossiers;

namespace OneStop.Portal.Pages;

/// <summary>
/// Phản ánh, kiến nghị of the signed-in citizen (ADR 0050): about one of their dossiers — received by that dossier's
/// unit, after Counters found it to be theirs (anyone else's is 404) — or in general, received by the province; under
/// the name and contact VNeID gave, never typed. Lists their complaints, newest first, twenty a page, with the answers.
/// </summary>
[Authorize(AuthenticationSchemes = CitizenAuthentication.Scheme)]
internal sealed class MyComplaintsModel(IServiceProvider services, ICurrentScope scope, IAdministrativeUnitDirectory units) : PageModel
{
    public const string Address = "/Portal/MyComplaints";
    /// <summary>Complaints a page, newest first, as the other portal lists are paged.</summary>
    public const int PageSize = 20;

    /// <summary>Where the page starts (the opaque cursor of the previous page's "older" link); empty for the newest.</summary>
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public string? NextCursor { get; private set; }

    /// <summary>The dossier the complaint is about (from "Hồ sơ của tôi"); empty for a general one.</summary>
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    /// <summary>The complaint just sent (its PAKN code), after the redirect.</summary>
    [BindProperty(SupportsGet = true)] public string? Sent { get; set; }

    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Text { get; set; }

    public SignedInCitizen Citizen { get; private set; } = null!;
    public IReadOnlyList<CitizenComplaint> Complaints { get; private set; } = [];
    public bool Unavailable { get; private set; }
    public string? ErrorText { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (SignedInCitizen.From(User) is not { } citizen)
        {
            return Challenge(CitizenAuthentication.Scheme);
        }

        await LoadAsync(citizen, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (SignedInCitizen.From(User) is not { } citizen)
        {
            return Challenge(CitizenAuthentication.Scheme);
        }

        if (services.GetService<ICitizenFeedbackApi>() is not { } feedback)
        {
            return await RefusedAsync(citizen, new PlatformException(MyDossierMessages.ComplaintUnavailable, 503), ct);
        }

        var code = string.IsNullOrWhiteSpace(Code) ? null : Code.Trim();
        UnitScope unit;
        if (code is not null)
        {
            // About a dossier: it must be the citizen's own (else 404, as one that does not exist), and its unit answers.
            if (code.Length > 40 || services.GetService<IApplicantDossierActions>() is not { } actions
                || await actions.FindAsync(CitizenActing.ApplicantKind(citizen), citizen.ApplicantIdentity, code, ct) is not { } dossier)
            {
                return NotFound();
            }

            unit = new UnitScope(dossier.UnitId, dossier.UnitPath, dossier.UnitName);
        }
        else
        {
            // In general: the province receives it (its office routes it on), as the portal's PAKN desk does.
            var province = await units.ProvinceAsync(null, ct);
            if (province is null)
            {
                return await RefusedAsync(citizen, new PlatformException(MyDossierMessages.ComplaintUnavailable, 503), ct);
            }

            unit = new UnitScope(province.Id, province.Path, province.Name);
        }

        try
        {
            CitizenComplaint sent;
            using (scope.Change(unit, null, CitizenActing.ActorName(citizen)))
            {
                sent = await feedback.ComplainAsync(citizen.ApplicantIdentity, citizen.DisplayName, citizen.Phone ?? citizen.Email, code, Subject ?? "", Text ?? "", ct);
            }

            return Redirect(Address + "?sent=" + Uri.EscapeDataString(sent.Code));
        }
        catch (PlatformException e)
        {
            return await RefusedAsync(citizen, e, ct);
        }
    }

    private async Task<IActionResult> RefusedAsync(SignedInCitizen citizen, PlatformException e, CancellationToken ct)
    {
        ErrorText = e.Message;
        Sent = null;
        await LoadAsync(citizen, ct);
        Response.StatusCode = e.StatusCode is >= 400 and < 600 ? e.StatusCode : 400;
        return Page();
    }

    private async Task LoadAsync(SignedInCitizen citizen, CancellationToken ct)
    {
        Citizen = citizen;
        if (services.GetService<ICitizenFeedbackApi>() is not { } feedback)
        {
            Unavailable = true;
            return;
        }

        KeysetPage<CitizenComplaint> page;
        try
        {
            page = await feedback.ComplaintsAsync(citizen.ApplicantIdentity, Cursor is { Length: <= 200 } ? Cursor : null, PageSize, ct);
        }
        catch (PlatformException e) when (e.Code == PlatformErrorCodes.InvalidCursor)
        {
            // A cursor altered by hand: start from the newest again.
            Cursor = null;
            page = await feedback.ComplaintsAsync(citizen.ApplicantIdentity, null, PageSize, ct);
        }

        Complaints = page.Items;
        NextCursor = page.NextCursor;
    }
}
