using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Satisfaction;
using OneStop.Platform.Web;

namespace OneStop.Evaluation.Pages;

/// <summary>
/// Kiosk / tablet at the desk: the applicant rates without signing in, finding the dossier by its code plus the last
/// four characters of the CCCD (or enterprise code), or by the queue ticket. One rating per dossier on this channel.
/// </summary>
[AllowAnonymous]
internal sealed class KioskModel(RateHandler handler, IStringLocalizer<EvaluationModule> T) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Tail { get; set; }
    [BindProperty] public int?[] Scores { get; set; } = new int?[Rating.CriteriaCount];
    [BindProperty] public string? Overall { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public RatedDossier? Dossier { get; private set; }
    public string? Error { get; private set; }
    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        Dossier = string.IsNullOrWhiteSpace(Code) ? null : await handler.FindForKioskAsync(Code, Tail, ct);
        if (Dossier is null)
        {
            Error = T["Evaluation.Kiosk.NotFound"];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRateAsync(CancellationToken ct)
    {
        Dossier = string.IsNullOrWhiteSpace(Code) ? null : await handler.FindForKioskAsync(Code, Tail, ct);
        if (Dossier is null)
        {
            Error = T["Evaluation.Kiosk.NotFound"];
            return Page();
        }

        if (Scores.Length != Rating.CriteriaCount || Scores.Any(s => s is null) || string.IsNullOrEmpty(Overall))
        {
            Error = T["Evaluation.Kiosk.Incomplete"];
            return Page();
        }

        try
        {
            await handler.RateAsync(new RateRequest(Dossier.Code, RatingChannels.Kiosk, Scores.Select(s => s!.Value).ToArray(), Overall, Comment), RatingSource.Kiosk, ct);
            Done = true;
            Dossier = null;
            Code = Tail = null;
        }
        catch (PlatformException e)
        {
            Error = e.Message;
        }

        return Page();
    }
}
