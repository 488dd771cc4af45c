using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;

namespace OneStop.Portal.Pages;

/// <summary>
/// Một thủ tục: what to hand in and in which form, fees and times per channel, the results, the e-form's fields, where
/// and how to submit, and whether any desk of the province receives it — as the version valid today states it.
/// </summary>
[AllowAnonymous]
internal sealed class ProcedureModel(IServiceProvider services) : PageModel
{
    public PublicProcedure? Procedure { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Procedure = services.GetService<ICountersPublicApi>() is { } catalogue ? await catalogue.ProcedureAsync(code, ct) : null;
        if (Procedure is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
