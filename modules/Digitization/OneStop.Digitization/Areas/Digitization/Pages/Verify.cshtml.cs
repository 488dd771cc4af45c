using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Features.Signing;

namespace OneStop.Digitization.Pages;

/// <summary>
/// Trang xác thực công khai, opened from the QR code printed on a signed result: no login. Shows who signed, when, the
/// certificate's validity, and checks an uploaded copy (in memory, never stored) against the registered file.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(21 * 1024 * 1024)]
internal sealed class VerifyModel(VerificationService verification) : PageModel
{
    public DigitizedDocument? Document { get; private set; }
    public VerificationDto? Result { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Document = await verification.FindByCodeAsync(code, ct);
        return Document?.IsSigned == true ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string code, IFormFile? file, CancellationToken ct)
    {
        Document = await verification.FindByCodeAsync(code, ct);
        if (Document?.IsSigned != true)
        {
            return NotFound();
        }

        if (file is null || file.Length is 0 or > 20 * 1024 * 1024)
        {
            Error = "Digitization.Verify.ChooseFile";
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        Result = VerificationService.Check(buffer.ToArray(), Document);
        return Page();
    }
}
