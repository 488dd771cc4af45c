using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Features.Catalogue.GetProcedure;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Pages.Catalogue;

/// <summary>One procedure: components, legal time per channel in force today, version history, fees, steps.</summary>
[Permission(CountersPermissions.CatalogueRead)]
internal sealed class DetailModel(CountersDbContext db, IPermissionChecker permissions, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    public ProcedureDto Procedure { get; private set; } = null!;
    public bool CanManage { get; private set; }
    /// <summary>The version just saved by the editor, for the confirmation.</summary>
    [BindProperty(SupportsGet = true)] public int? SavedVersion { get; set; }
    /// <summary>The internal process was just saved, for the confirmation.</summary>
    [BindProperty(SupportsGet = true)] public bool ProcessSaved { get; set; }
    /// <summary>The e-form of the version shown (None when it has none).</summary>
    public Domain.Catalogue.ElectronicForms.ElectronicForm Form { get; private set; } = Domain.Catalogue.ElectronicForms.ElectronicForm.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(clock.GetUtcNow()));
        if (await GetProcedureEndpoint.DtoAsync(db, Code, today, ct) is not { } procedure)
        {
            return NotFound();
        }

        Procedure = procedure;
        CanManage = await permissions.IsGrantedAsync(User, CountersPermissions.CatalogueManage);
        Form = Domain.Catalogue.ElectronicForms.ElectronicForm.TryParse(Procedure.FormSchema, out var form, out _) ? form : Domain.Catalogue.ElectronicForms.ElectronicForm.None;
        return Page();
    }
}
