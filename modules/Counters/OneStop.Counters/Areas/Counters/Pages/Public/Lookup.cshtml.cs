using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Features.Dossiers;
using OneStop.Counters.Infrastructure;

namespace OneStop.Counters.Pages.Public;

/// <summary>Tra cứu hồ sơ: anyone with the code on the receipt (Mẫu 01) sees the dossier's status, no login.</summary>
[AllowAnonymous]
internal sealed class LookupModel(CountersDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public PublicDossierStatus? Result { get; private set; }
    public bool NotFoundCode { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Code))
        {
            Result = await PublicLookup.FindAsync(db, Code, ct);
            NotFoundCode = Result is null;
        }
    }
}
