using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Platform.Localization;

namespace OneStop.Portal.Pages;

/// <summary>
/// Tra cứu hồ sơ: the code on the receipt (Mẫu 01) and the last four digits of the applicant's identity number, sent by
/// POST so the digits stay out of addresses and histories. Wrong tries are throttled in PostgreSQL by Counters (ADR 0042).
/// A code in the address (<c>?code=</c>, from the old look-up or a receipt's QR code) is filled in.
/// </summary>
[AllowAnonymous]
internal sealed class LookupModel(IServiceProvider services) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? Digits { get; set; }

    public PublicDossierStatus? Result { get; private set; }

    /// <summary>The message of a refused look-up (by code, in the reader's language).</summary>
    public string? Problem { get; private set; }

    public void OnGet()
    {
        Code = Code is { Length: > 40 } ? Code[..40] : Code;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Code = Code?.Trim();
        Digits = Digits?.Trim();
        if (string.IsNullOrEmpty(Code) || Code.Length > 40)
        {
            Problem = Messages.Text(CountersErrorCodes.PublicDossierNotFound);
            return Page();
        }

        if (Digits is not { Length: 4 } || !Digits.All(char.IsAsciiDigit))
        {
            Problem = Messages.Text(CountersErrorCodes.PublicLookupDigitsInvalid);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (services.GetService<ICountersPublicApi>() is not { } counters)
        {
            Problem = Messages.Text(CountersErrorCodes.PublicDossierNotFound);
            return Page();
        }

        var result = await counters.LookupDossierAsync(Code, Digits, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        switch (result.Outcome)
        {
            case PublicLookupOutcome.Found:
                Result = result.Status;
                break;
            case PublicLookupOutcome.Throttled:
                Problem = Messages.Text(CountersErrorCodes.PublicLookupThrottled);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            default:
                Problem = Messages.Text(CountersErrorCodes.PublicDossierNotFound);
                Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }

        // The digits are never echoed back into the page.
        Digits = null;
        return Page();
    }
}
