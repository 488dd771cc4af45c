using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Platform;
using OneStop.Platform.Web;

namespace OneStop.Portal.Pages;

/// <summary>
/// Danh mục thủ tục hành chính, public: search by words without diacritics ("dang ky khai sinh"), by level and field,
/// 20 a page (keyset, "next page"). Reads the catalogue through <see cref="ICountersPublicApi"/> (ADR 0042).
/// </summary>
[AllowAnonymous]
internal sealed class IndexModel(IServiceProvider services) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public KeysetPage<PublicProcedureSummary> Results { get; private set; } = new([], null);
    public IReadOnlyList<string> Fields { get; private set; } = [];

    /// <summary>False when the Counters module is switched off: there is no catalogue to show.</summary>
    public bool CatalogueAvailable { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Q = Q is { Length: > 200 } ? Q[..200] : Q;
        if (services.GetService<ICountersPublicApi>() is not { } catalogue)
        {
            return;
        }

        CatalogueAvailable = true;
        Fields = await catalogue.PublicFieldsAsync(ct);
        try
        {
            Results = await catalogue.SearchProceduresAsync(Q, Level, Field, Cursor, PageSize, ct);
        }
        catch (PlatformException)
        {
            // A cursor edited by hand: start again from the first page rather than show an error.
            Results = await catalogue.SearchProceduresAsync(Q, Level, Field, null, PageSize, ct);
        }
    }

    public string? NextPageUrl => Results.NextCursor is null
        ? null
        : Url.Page("Index", new { area = "Portal", q = Q, level = Level, field = Field, cursor = Results.NextCursor });
}
