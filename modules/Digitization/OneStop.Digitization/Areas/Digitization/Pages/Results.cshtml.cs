using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Features.Results;
using OneStop.Platform.Permissions;

namespace OneStop.Digitization.Pages;

/// <summary>
/// Sổ kết quả giải quyết TTHC còn hiệu lực: the results of the scope valid on a day, the share digitised by competent
/// level (the plan's target), those still on paper first; an old result is added from the back-file by a free upload.
/// </summary>
[Permission(DigitizationPermissions.Access)]
internal sealed class ResultsModel(ResultQueries queries, IPermissionChecker permissions) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? ValidOn { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Digitised { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public IssuedResultPage Register { get; private set; } = null!;
    public bool CanDigitize { get; private set; }
    public int PageCount => Math.Max(1, (Register.Total + Register.PageSize - 1) / Register.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Register = await queries.ListAsync(ValidOn, Level, Digitised, PageNumber, ResultQueries.DefaultPageSize, ct);
        CanDigitize = await permissions.IsGrantedAsync(User, DigitizationPermissions.Digitize);
    }

    public string PageLink(int page) =>
        $"?validOn={Register.ValidOn:yyyy-MM-dd}&level={Uri.EscapeDataString(Level ?? "")}&digitised={Digitised?.ToString().ToLowerInvariant()}&p={page}";
}
