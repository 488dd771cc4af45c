using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Portal.Contracts;

namespace OneStop.Counters.Pages.Public;

/// <summary>
/// The old address of Tra cứu hồ sơ (printed on receipts and bookmarked): the look-up now lives on the citizen portal,
/// where it also asks for the last four digits of the applicant's identity number (ADR 0042). The code is carried over.
/// </summary>
[AllowAnonymous]
internal sealed class LookupModel : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public IActionResult OnGet() => Redirect(string.IsNullOrWhiteSpace(Code)
        ? PortalAddresses.Lookup
        : PortalAddresses.Lookup + "?code=" + Uri.EscapeDataString(Code.Trim()[..Math.Min(Code.Trim().Length, 40)]));
}
