using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Digitization.Contracts;
using OneStop.Integration.Contracts;
using OneStop.Platform.Web;
using OneStop.Portal.Contracts;
using OneStop.Portal.Features.Submissions;

namespace OneStop.Portal.Pages;

/// <summary>
/// Nộp hồ sơ trực tuyến (ADR 0049): one page, phone first, in steps — the e-form (or the applicant and components),
/// the files or reused documents per component, the receiving unit and return method, the fee paid on the payment
/// platform, then submit. Only for a citizen signed in through VNeID; the draft is theirs alone (another's is a 404).
/// </summary>
[Authorize(AuthenticationSchemes = CitizenAuthentication.Scheme)]
[RequestFormLimits(MultipartBodyLengthLimit = 6 * SubmissionDrafts.MaxFileBytes)]
[RequestSizeLimit(6 * SubmissionDrafts.MaxFileBytes)]
internal sealed class SubmissionModel(ICitizenSubmissionApi counters, SubmissionDrafts drafts) : PageModel
{
    public SignedInCitizen Citizen { get; private set; } = null!;
    public CitizenSubmissionForm Form { get; private set; } = null!;
    public SubmissionDraft? Draft { get; private set; }
    public IReadOnlyDictionary<string, SubmissionDraftComponent> Components { get; private set; } = new Dictionary<string, SubmissionDraftComponent>();
    public IReadOnlyDictionary<string, string?> FormValues { get; private set; } = new Dictionary<string, string?>();
    public IReadOnlyList<ReusableDocument> Reusable { get; private set; } = [];
    public OnlinePaymentState? Payment { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = new(StringComparer.Ordinal);
    public List<string> SubmitErrors { get; } = [];
    [TempData] public bool Saved { get; set; }

    /// <summary>The payment platform's page for the order just created, when it is on another site (see <see cref="OnPostPayAsync"/>).</summary>
    public string? PaymentUrl { get; private set; }
    [TempData] public string? SubmittedCode { get; set; }

    public async Task<IActionResult> OnGetAsync(string? code, Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(code, id, ct) is { } missing)
        {
            return missing;
        }

        if (Draft is { Status: SubmissionDraft.Submitted } && SubmittedCode is null)
        {
            SubmittedCode = Draft.DossierCode;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? code, Guid? id, Guid? unitId, string? returnMethod, string? applicantAddress, bool reuseConsent, CancellationToken ct)
    {
        if (await LoadAsync(code, id, ct) is { } missing)
        {
            return missing;
        }

        if (Draft is { Status: not SubmissionDraft.Drafting })
        {
            return RedirectToPage(new { id = Draft.Id });
        }

        var inputs = Form.Fields.ToDictionary(f => f.Key, f => (string?)Request.Form["f." + f.Key].ToString());
        var files = Request.Form.Files.Where(f => f.Name.StartsWith("file.", StringComparison.Ordinal))
            .GroupBy(f => f.Name["file.".Length..]).ToDictionary(g => g.Key, g => g.First());
        var reused = Form.Components.Select(c => (c.DocumentTypeCode, Value: Request.Form["reuse." + c.DocumentTypeCode].ToString()))
            .Where(r => Guid.TryParse(r.Value, out _)).ToDictionary(r => r.DocumentTypeCode, r => Guid.Parse(r.Value));
        var (draft, errors) = await drafts.SaveAsync(Citizen, Form, Draft,
            new DraftInput(unitId, returnMethod, applicantAddress, reuseConsent, inputs, files, reused), ct);
        if (draft is null)
        {
            Errors = errors;
            FormValues = inputs;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await ShowAsync(ct);
            return Page();
        }

        Saved = true;
        return RedirectToPage(new { id = draft.Id });
    }

    public async Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(null, id, ct) is { } missing)
        {
            return missing;
        }

        if (Draft is not { Status: SubmissionDraft.Drafting, UnitId: not null } || Form.OnlineFeeVnd <= 0)
        {
            return RedirectToPage(new { id });
        }

        try
        {
            var order = await drafts.PayAsync(Citizen, Form, Draft, Url.Page("/Submission", null, new { area = "Portal", id }, Request.Scheme, Request.Host.Value)!, ct);
            if (ContentSecurityPolicy.FormMayRedirectTo(Request, order.PaymentUrl))
            {
                return Redirect(order.PaymentUrl);
            }

            // The payment platform is another site, and our Content-Security-Policy (form-action 'self') stops a browser
            // from following a form's redirect there: the page hands over with a plain navigation (a refresh and a link).
            PaymentUrl = order.PaymentUrl;
            await ShowAsync(ct);
            return Page();
        }
        catch (PlatformException e)
        {
            SubmitErrors.Add(e.Message);
            await ShowAsync(ct);
            Response.StatusCode = e.StatusCode;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(null, id, ct) is { } missing)
        {
            return missing;
        }

        var (receipt, errors) = await drafts.SubmitAsync(Citizen, Draft!, ct);
        if (receipt is null)
        {
            SubmitErrors.AddRange(errors);
            await ShowAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        SubmittedCode = receipt.DossierCode;
        return RedirectToPage(new { id });
    }

    /// <summary>The citizen, the procedure and the draft (by id, the citizen's own; or the open one of the procedure); a result to return when any is missing.</summary>
    private async Task<IActionResult?> LoadAsync(string? code, Guid? id, CancellationToken ct)
    {
        if (SignedInCitizen.From(User) is not { } citizen)
        {
            return Challenge(CitizenAuthentication.Scheme);
        }

        Citizen = citizen;
        if (id is { } draftId)
        {
            Draft = await drafts.OwnedAsync(citizen, draftId, ct);
            if (Draft is null)
            {
                return NotFound();
            }

            code = Draft.ProcedureCode;
        }

        if (string.IsNullOrWhiteSpace(code) || await counters.FormAsync(code, ct) is not { } form)
        {
            return NotFound();
        }

        Form = form;
        Draft ??= await drafts.OpenAsync(citizen, form.ProcedureCode, ct);
        await ShowAsync(ct);
        return null;
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        Components = SubmissionDrafts.ComponentsOf(Draft).ToDictionary(c => c.DocumentTypeCode, StringComparer.Ordinal);
        if (FormValues.Count == 0 && Draft is not null)
        {
            var data = System.Text.Json.Nodes.JsonNode.Parse(Draft.FormDataJson) as System.Text.Json.Nodes.JsonObject;
            FormValues = Form.Fields.ToDictionary(f => f.Key, f => data?[f.Key] is { } v ? (v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()) : null);
        }

        if (Draft is { ReuseConsent: true, UnitId: { } unitId } && Form.Units.FirstOrDefault(u => u.Id == unitId) is { } unit)
        {
            Reusable = await drafts.ReusableAsync(Citizen, Form, unit, ct);
        }

        Payment = Draft is null ? null : await drafts.PaymentAsync(Draft, ct);
    }

    public string? ErrorOf(string key) => Errors.TryGetValue(key, out var messages) ? string.Join(" ", messages) : null;
}
