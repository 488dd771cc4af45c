using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Features.Catalogue.EditProcedure;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Pages.Catalogue;

/// <summary>Sửa thủ tục (system administrators): the same request and checks as PUT /catalogue/procedures/{code}.</summary>
[Permission(CountersPermissions.CatalogueManage)]
internal sealed class EditModel(CountersDbContext db, EditProcedureHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Field { get; set; }
    [BindProperty] public string? ExecutingAgency { get; set; }
    [BindProperty] public List<string> Levels { get; set; } = [];
    [BindProperty] public bool FullyOnline { get; set; }
    [BindProperty] public bool PostalAllowed { get; set; }
    [BindProperty] public bool PopulationDataConnected { get; set; }
    [BindProperty] public DateOnly? EffectiveFrom { get; set; }
    [BindProperty] public DateOnly? PublishedOn { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var p = await db.Procedures.AsNoTracking().FirstOrDefaultAsync(x => x.Code == Code, ct);
        if (p is null)
        {
            return NotFound();
        }

        (Name, Field, ExecutingAgency, Levels) = (p.Name, p.Field, p.ExecutingAgency, p.Levels.ToList());
        (FullyOnline, PostalAllowed) = (p.FullyOnline, p.PostalAllowed);
        (PopulationDataConnected, EffectiveFrom, PublishedOn) = (p.PopulationDataConnected, p.EffectiveFrom, p.PublishedOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new EditProcedureRequest(Name ?? "", Field, Levels.Where(ResolvingLevels.All.Contains).ToList(), ExecutingAgency, FullyOnline, PostalAllowed,
            EffectiveFrom, PublishedOn, PopulationDataConnected);
        foreach (var error in Validation.Failures(HttpContext.RequestServices, request))
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        return await handler.HandleAsync(Code, request, ct) is null ? NotFound() : RedirectToPage("Detail", new { code = Code });
    }
}
