using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Features.CertifiedCopies;
using OneStop.Platform.Domain;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Pages;

/// <summary>Sổ chứng thực bản sao of the scope for a year: paged, with its Excel export and printable PDF.</summary>
[Permission(DigitizationPermissions.Access)]
internal sealed class CertifiedCopiesModel(CertifiedCopyQueries queries, IPermissionChecker permissions, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public CertifiedCopyPage Register { get; private set; } = new([], 0, 1, CertifiedCopyQueries.DefaultPageSize, 0, 0);
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool CanCertify { get; private set; }
    public int SelectedYear => Year ?? VietnamTime.Today(clock).Year;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Years = await queries.YearsAsync(ct);
        Register = await queries.ListAsync(SelectedYear, PageNumber, CertifiedCopyQueries.DefaultPageSize, ct);
        CanCertify = await permissions.IsGrantedAsync(User, DigitizationPermissions.Sign);
    }
}
