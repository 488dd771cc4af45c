using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Satisfaction;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Evaluation.Pages;

/// <summary>
/// Nhập phiếu đánh giá giấy: the desk officer types in a paper form (Circular 01/2018) an applicant filled in. It goes
/// through the API's handler and always counts as a paper rating (ADR 0031), whatever the officer would pick.
/// </summary>
[Permission(EvaluationPermissions.Ratings)]
internal sealed class PaperRatingsModel(RateHandler handler, PaperRatingQueries queries, IStringLocalizer<EvaluationModule> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public int?[] Scores { get; set; } = new int?[Rating.CriteriaCount];
    [BindProperty] public string? Overall { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public RatedDossier? Dossier { get; private set; }
    public IReadOnlyList<PaperRatingCandidate> Awaiting { get; private set; } = [];
    public IReadOnlyList<Rating> Entered { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PaperRatingQueries.PageSize - 1) / PaperRatingQueries.PageSize);
    public string? Error { get; private set; }
    [TempData] public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Code))
        {
            Dossier = await queries.FindAsync(Code, ct);
            Error = Dossier is null ? T["Evaluation.Paper.NotFound", Code.Trim()].Value : null;
        }

        await ListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Dossier = string.IsNullOrWhiteSpace(Code) ? null : await queries.FindAsync(Code, ct);
        if (Dossier is null)
        {
            Error = T["Evaluation.Paper.NotFound", Code?.Trim() ?? ""].Value;
        }
        else if (Scores.Length != Rating.CriteriaCount || Scores.Any(s => s is null) || string.IsNullOrEmpty(Overall))
        {
            Error = T["Evaluation.Kiosk.Incomplete"].Value;
        }
        else
        {
            try
            {
                var rating = await handler.RateAsync(new RateRequest(Dossier.Code, RatingChannels.Paper, Scores.Select(s => s!.Value).ToArray(), Overall, Comment),
                    RatingSource.Staff, ct);
                Saved = T["Evaluation.Paper.Saved", rating.DossierCode].Value;
                return RedirectToPage();
            }
            catch (PlatformException e)
            {
                Error = e.Message;
            }
        }

        await ListAsync(ct);
        return Page();
    }

    public string PageLink(int page) => $"/Evaluation/PaperRatings?p={page}";

    private async Task ListAsync(CancellationToken ct)
    {
        Awaiting = await queries.AwaitingAsync(ct);
        (var items, Total, var page) = await queries.EnteredAsync(PageNumber, ct);
        (Entered, PageNumber) = (items, page);
    }
}
