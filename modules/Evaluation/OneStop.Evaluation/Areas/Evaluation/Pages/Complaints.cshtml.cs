using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Features.Complaints;
using OneStop.Platform;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Evaluation.Pages;

/// <summary>Phản ánh, kiến nghị of the acting unit (and below): receive, answer, see handling time and outcome.</summary>
[Permission(EvaluationPermissions.Complaints)]
internal sealed class ComplaintsModel(ComplaintHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public KeysetPage<ComplaintDto> Items { get; private set; } = new([], null);
    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    public string Query(string? cursor = null) => $"?status={Uri.EscapeDataString(Status ?? "")}" + (cursor is null ? "" : "&cursor=" + cursor);

    public async Task OnGetAsync(CancellationToken ct) => Items = await handler.ListAsync(Status, Code, Cursor, 50, ct);

    public async Task<IActionResult> OnPostCreateAsync(string channel, string subject, string content, string applicantName, string? contact, string? dossierCode, CancellationToken ct)
    {
        var request = new CreateComplaintRequest(channel, subject ?? "", content ?? "", applicantName ?? "", contact, dossierCode);
        Errors = Validation.Failures(HttpContext.RequestServices, request).ToList();
        if (Errors.Count > 0)
        {
            await OnGetAsync(ct);
            return Page();
        }

        try
        {
            await handler.CreateAsync(request, ct);
        }
        catch (PlatformException e) when (e.StatusCode == 404)
        {
            Errors = [new ValidationError("dossierCode", e.Message)];
            await OnGetAsync(ct);
            return Page();
        }

        return Redirect("/Evaluation/Complaints");
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid id, string outcome, string answer, string? satisfied, CancellationToken ct)
    {
        var request = new ResolveComplaintRequest(outcome, answer ?? "", satisfied switch { "yes" => true, "no" => false, _ => null });
        Errors = Validation.Failures(HttpContext.RequestServices, request).ToList();
        if (Errors.Count > 0)
        {
            await OnGetAsync(ct);
            return Page();
        }

        try
        {
            await handler.ResolveAsync(id, request, ct);
        }
        catch (PlatformException e) when (e.StatusCode == 404)
        {
            return NotFound();
        }

        return Redirect("/Evaluation/Complaints");
    }
}
