using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Digitization.Contracts;
using OneStop.Evaluation.Contracts;
using OneStop.Platform;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Portal.Contracts;
using OneStop.Portal.Features.MyDossiers;

namespace OneStop.Portal.Pages;

/// <summary>
/// Hồ sơ của tôi (ADR 0046): the dossiers whose applicant is the citizen signed in through VNeID — the identity number
/// from the citizen's cookie, never from the request — or, for an organisation, its enterprise code; whichever unit
/// received them, newest first, each with its status, dates, history and the forms the desk issued to the applicant
/// (PDFs). Only the citizen scheme opens it: a staff cookie does not, and a citizen's cookie opens no staff page.
/// Per dossier the citizen also acts (ADR 0050): supplements online what the desk asked for, withdraws it with a reason
/// and a confirmation, rates it once returned; each action is Counters' or Evaluation's, through their citizen contracts,
/// for a dossier Counters finds to be the cookie's identity's — anyone else's is 404.
/// </summary>
[Authorize(AuthenticationSchemes = CitizenAuthentication.Scheme)]
[RequestSizeLimit(MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadRequestBytes)]
internal sealed class MyDossiersModel(IServiceProvider services, ICurrentScope scope) : PageModel
{
    /// <summary>Five files of 10 MB each (Counters' limits) and the form around them.</summary>
    public const long MaxUploadRequestBytes = 51 * 1024 * 1024;

    public const int PageSize = 10;

    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public SignedInCitizen Citizen { get; private set; } = null!;
    public IReadOnlyList<PublicDossierStatus> Dossiers { get; private set; } = [];
    public string? NextCursor { get; private set; }

    /// <summary>The forms issued to the applicant (Mẫu 01–04), per dossier code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ApplicantForm>> Forms { get; private set; } = new Dictionary<string, IReadOnlyList<ApplicantForm>>();

    /// <summary>Counters is switched off: nothing to list.</summary>
    public bool Unavailable { get; private set; }

    /// <summary>The dossiers waiting for a supplement, with what the desk asked for (Mẫu 02), per code.</summary>
    public IReadOnlyDictionary<string, ApplicantDossier> Supplements { get; private set; } = new Dictionary<string, ApplicantDossier>();

    /// <summary>The citizen's own online ratings, per dossier code.</summary>
    public IReadOnlyDictionary<string, CitizenRating> Ratings { get; private set; } = new Dictionary<string, CitizenRating>();

    /// <summary>The signed electronic results of the dossiers shown, per code.</summary>
    public IReadOnlyDictionary<string, CitizenResult> Results { get; private set; } = new Dictionary<string, CitizenResult>();

    /// <summary>Evaluation is present: the rating form is offered.</summary>
    public bool CanRate { get; private set; }

    /// <summary>What was just done (supplemented, withdrawn, rated) and to which dossier, after the redirect.</summary>
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty(SupportsGet = true)] public string? DoneCode { get; set; }

    /// <summary>An action refused: the dossier it was about and the Vietnamese reason; nothing was changed.</summary>
    public string? ErrorCode { get; private set; }
    public string? ErrorText { get; private set; }

    /// <summary>The withdrawal may be offered: the workflow allows it before a result (DossierLifecycle.Withdraw).</summary>
    public static bool MayWithdraw(string status) => !DossierStatuses.Final.Contains(status) && status != DossierStatuses.Resolved;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (SignedInCitizen.From(User) is not { } citizen)
        {
            return Challenge(CitizenAuthentication.Scheme);
        }

        await LoadAsync(citizen, ct);
        return Page();
    }

    private async Task LoadAsync(SignedInCitizen citizen, CancellationToken ct)
    {
        Citizen = citizen;
        if (services.GetService<ICountersPublicApi>() is not { } counters)
        {
            Unavailable = true;
            return;
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
        if (services.GetService<IApplicantDossierActions>() is { } actions)
        {
            var supplements = new Dictionary<string, ApplicantDossier>();
            foreach (var d in Dossiers.Where(d => d.Status == DossierStatuses.SupplementRequested))
            {
                if (await actions.FindAsync(kind, citizen.ApplicantIdentity, d.Code, ct) is { } found)
                {
                    supplements[d.Code] = found;
                }
            }

            Supplements = supplements;
        }

        if (services.GetService<ICitizenResultsApi>() is { } results)
        {
            Results = await results.ResultsAsync(citizen.ApplicantIdentity,
                Dossiers.Where(d => d.Status is DossierStatuses.Resolved or DossierStatuses.Returned).Select(d => d.Code).ToList(), ct);
        }

        if (services.GetService<ICitizenFeedbackApi>() is { } feedback)
        {
            CanRate = true;
            Ratings = await feedback.RatingsAsync(Dossiers.Where(d => d.Status == DossierStatuses.Returned).Select(d => d.Code).ToList(), ct);
        }
    }

    /// <summary>The address the download had before it became a POST: back to the page, where the button is; nothing taken.</summary>
    public IActionResult OnGetResult(string? code) =>
        Redirect(PortalAddresses.MyDossiers + (code is { Length: > 0 and <= 40 } ? "#dossier-" + Uri.EscapeDataString(code) : ""));

    /// <summary>
    /// Kết quả điện tử: the signed PDF of the dossier's result (its QR opens the public verification page), for a
    /// dossier Counters finds to be the citizen's, read in its unit as the citizen; anything else is 404. Taking it
    /// returns a resolved dossier whose applicant asked for the electronic result (Counters decides). A POST with the
    /// antiforgery token, never a GET: a browser's prefetch or a link preview must not count as the citizen's receipt
    /// (ADR 0050, addendum).
    /// </summary>
    public async Task<IActionResult> OnPostResultAsync(string? code, CancellationToken ct)
    {
        if (SignedInCitizen.From(User) is not { } citizen)
        {
            return Challenge(CitizenAuthentication.Scheme);
        }

        if (services.GetService<IApplicantDossierActions>() is not { } actions || services.GetService<ICitizenResultsApi>() is not { } results
            || code is not { Length: > 0 and <= 40 }
            || await actions.FindAsync(CitizenActing.ApplicantKind(citizen), citizen.ApplicantIdentity, code, ct) is not { } dossier)
        {
            return NotFound();
        }

        CitizenResultFile? file;
        using (CitizenActing.InDossiersUnit(scope, dossier, citizen))
        {
            file = await results.ResultFileAsync(citizen.ApplicantIdentity, dossier.Code, ct);
        }

        if (file is null)
        {
            return NotFound();
        }

        if (dossier.Status == DossierStatuses.Resolved && dossier.ReturnElectronically)
        {
            await actions.ElectronicResultTakenAsync(CitizenActing.ApplicantKind(citizen), citizen.ApplicantIdentity, CitizenActing.ActorName(citizen), dossier.Code, ct);
        }

        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>
    /// Bổ sung hồ sơ trực tuyến: the files go through the upload guard in Counters; one refused file refuses the
    /// supplement and nothing is kept (the page says why). Someone else's dossier is 404.
    /// </summary>
    public async Task<IActionResult> OnPostSupplementAsync(string? code, List<IFormFile>? files, string? note, CancellationToken ct)
    {
        if (SignedInCitizen.From(User) is not { } citizen)
        {
            return Challenge(CitizenAuthentication.Scheme);
        }

        if (services.GetService<IApplicantDossierActions>() is not { } actions || code is not { Length: > 0 and <= 40 })
        {
            return NotFound();
        }

        var streams = new List<Stream>();
        try
        {
            var uploads = new List<ApplicantUpload>();
            foreach (var file in files ?? [])
            {
                var stream = file.OpenReadStream();
                streams.Add(stream);
                uploads.Add(new ApplicantUpload(file.FileName, stream));
            }

            var done = await actions.SupplementAsync(CitizenActing.ApplicantKind(citizen), citizen.ApplicantIdentity, CitizenActing.ActorName(citizen), code, uploads, note, ct);
            return done is null ? NotFound() : Redirect(DoneAddress("supplemented", code));
        }
        catch (PlatformException e)
        {
            return await RefusedAsync(citizen, code, e, ct);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>Rút hồ sơ: only with a reason and the box that confirms it ticked; where the workflow allows it.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(string? code, string? reason, bool confirm, CancellationToken ct)
    {
        if (SignedInCitizen.From(User) is not { } citizen)
        {
            return Challenge(CitizenAuthentication.Scheme);
        }

        if (services.GetService<IApplicantDossierActions>() is not { } actions || code is not { Length: > 0 and <= 40 })
        {
            return NotFound();
        }

        var kind = CitizenActing.ApplicantKind(citizen);
        try
        {
            if (!confirm)
            {
                // Nothing is withdrawn without the confirmation; a dossier that is not the citizen's is still 404.
                return await actions.FindAsync(kind, citizen.ApplicantIdentity, code, ct) is null
                    ? NotFound()
                    : await RefusedAsync(citizen, code, new PlatformException(MyDossierMessages.WithdrawalNotConfirmed, 400), ct);
            }

            var done = await actions.WithdrawAsync(kind, citizen.ApplicantIdentity, CitizenActing.ActorName(citizen), code, reason ?? "", ct);
            return done is null ? NotFound() : Redirect(DoneAddress("withdrawn", code));
        }
        catch (PlatformException e)
        {
            return await RefusedAsync(citizen, code, e, ct);
        }
    }

    /// <summary>
    /// The citizen's own rating of a returned dossier: nine criteria and the overall rating, channel ONLINE, the citizen
    /// as author, once. Recorded by Evaluation in the dossier's unit, after Counters found the dossier to be theirs.
    /// </summary>
    public async Task<IActionResult> OnPostRateAsync(string? code, int[]? scores, string? overall, string? comment, CancellationToken ct)
    {
        if (SignedInCitizen.From(User) is not { } citizen)
        {
            return Challenge(CitizenAuthentication.Scheme);
        }

        if (services.GetService<IApplicantDossierActions>() is not { } actions || services.GetService<ICitizenFeedbackApi>() is not { } feedback
            || code is not { Length: > 0 and <= 40 })
        {
            return NotFound();
        }

        if (await actions.FindAsync(CitizenActing.ApplicantKind(citizen), citizen.ApplicantIdentity, code, ct) is not { } dossier)
        {
            return NotFound();
        }

        try
        {
            using (CitizenActing.InDossiersUnit(scope, dossier, citizen))
            {
                await feedback.RateAsync(dossier.Code, scores ?? [], overall ?? "", comment, ct);
            }

            return Redirect(DoneAddress("rated", code));
        }
        catch (PlatformException e)
        {
            return await RefusedAsync(citizen, code, e, ct);
        }
    }

    private static string DoneAddress(string done, string code) =>
        PortalAddresses.MyDossiers + "?done=" + done + "&doneCode=" + Uri.EscapeDataString(code) + "#dossier-" + Uri.EscapeDataString(code);

    /// <summary>The page again with the reason beside the dossier (400); nothing was applied.</summary>
    private async Task<IActionResult> RefusedAsync(SignedInCitizen citizen, string code, PlatformException e, CancellationToken ct)
    {
        ErrorCode = code;
        ErrorText = e.Message;
        Done = null;
        await LoadAsync(citizen, ct);
        Response.StatusCode = e.StatusCode is >= 400 and < 500 ? e.StatusCode : StatusCodes.Status400BadRequest;
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
