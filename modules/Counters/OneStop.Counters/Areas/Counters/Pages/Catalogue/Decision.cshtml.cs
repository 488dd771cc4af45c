using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features;
using OneStop.Counters.Features.Catalogue.LocationIndependence;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Pages.Catalogue;

/// <summary>
/// Nhập, sửa quyết định công bố danh mục TTHC tiếp nhận không phụ thuộc địa giới hành chính: the same request and checks
/// as the API. Procedures are picked from the catalogue (one by one, or a whole field at once), units from those valid
/// today; the signed PDF is uploaded once the record exists.
/// </summary>
[Permission(CountersPermissions.CatalogueManage)]
internal sealed class DecisionModel(DecisionRegistry registry, CountersDbContext db, IAdministrativeUnitDirectory units) : PageModel
{
    internal sealed record ProcedureOption(string Code, string Name, string Field);

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public DateOnly? SignedOn { get; set; }
    [BindProperty] public string? Signer { get; set; }
    [BindProperty] public string? DecisionTitle { get; set; }
    [BindProperty] public DateOnly? EffectiveFrom { get; set; }
    [BindProperty] public DateOnly? EffectiveTo { get; set; }
    [BindProperty] public bool WholeProvince { get; set; }
    [BindProperty] public List<Guid> UnitIds { get; set; } = [];
    [BindProperty] public List<string> Fields { get; set; } = [];
    [BindProperty] public List<string> ProcedureCodes { get; set; } = [];

    [TempData] public string? Message { get; set; }
    public DecisionDto? Existing { get; private set; }
    public IReadOnlyList<ProcedureOption> Procedures { get; private set; } = [];
    public IReadOnlyList<string> AllFields { get; private set; } = [];
    public IReadOnlyList<AdministrativeUnitInfo> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            Existing = await registry.GetAsync(id, null, ct);
            if (Existing is not { } d)
            {
                return NotFound();
            }

            (Number, SignedOn, Signer, DecisionTitle, EffectiveFrom, EffectiveTo) = (d.Number, d.SignedOn, d.Signer, d.Title, d.EffectiveFrom, d.EffectiveTo);
            (WholeProvince, UnitIds, ProcedureCodes) = (d.WholeProvince, d.Units.Select(u => u.Id).ToList(), d.Procedures.Select(p => p.Code).ToList());
        }
        else
        {
            WholeProvince = true;
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var codes = ProcedureCodes.ToList();
        if (Fields.Count > 0)
        {
            codes.AddRange(await db.Procedures.AsNoTracking().Where(p => Fields.Contains(p.Field)).Select(p => p.Code).ToListAsync(ct));
        }

        var request = new SaveDecisionRequest(
            Number ?? "", SignedOn ?? default, Signer ?? "", DecisionTitle ?? "", EffectiveFrom ?? default, EffectiveTo, WholeProvince, UnitIds,
            codes.Distinct(StringComparer.Ordinal).ToList());
        foreach (var error in Validation.Failures(HttpContext.RequestServices, request))
        {
            ModelState.AddModelError(error.Field == nameof(SaveDecisionRequest.Title) ? nameof(DecisionTitle) : error.Field, error.Message);
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                var saved = Id is { } id ? await registry.UpdateAsync(id, request, ct) : await registry.CreateAsync(request, ct);
                if (saved is null)
                {
                    return NotFound();
                }

                Message = Messages.Text(CountersMessages.DecisionSaved);
                return RedirectToPage(new { id = saved.Id });
            }
            catch (PlatformException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }

        if (Id is { } existing)
        {
            Existing = await registry.GetAsync(existing, null, ct);
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPdfAsync(IFormFile? file, CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }

        try
        {
            if (file is null)
            {
                throw new PlatformException(CountersErrorCodes.DecisionInvalid, 400) { MessageCode = CountersMessages.DecisionPdfRequired };
            }

            await using var content = file.OpenReadStream();
            if (await registry.AttachSignedPdfAsync(id, file.FileName, content, ct) is null)
            {
                return NotFound();
            }

            Message = Messages.Text(CountersMessages.DecisionPdfSaved);
            return RedirectToPage(new { id });
        }
        catch (PlatformException e)
        {
            ModelState.AddModelError("file", e.Message);
            return await OnGetAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is not { } id || !await registry.DeleteAsync(id, ct))
        {
            return NotFound();
        }

        Message = Messages.Text(CountersMessages.DecisionDeleted);
        return RedirectToPage("Decisions");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Procedures = await db.Procedures.AsNoTracking().OrderBy(p => p.Field).ThenBy(p => p.Code)
            .Select(p => new ProcedureOption(p.Code, p.Name, p.Field)).ToListAsync(ct);
        AllFields = Procedures.Select(p => p.Field).Where(f => f.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var today = registry.Today;
        Units = (await units.AllAsync(ct)).Where(u => u.IsValidOn(today) && u.Level != UnitLevels.District)
            .OrderBy(u => u.Level == UnitLevels.Province ? 0 : 1).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
    }
}
