using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.AdministrativeUnits.Reorganisations;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Web;
using OneStop.Platform.Host.Localization;
using OneStop.Platform.Localization;

namespace OneStop.Platform.Host.Pages.Units;

/// <summary>
/// Units in the acting unit's scope as an indented tree in path order, 100 a page, as they stood on a chosen day
/// (today by default) or all of them with their dates; the communes designated especially difficult (xã đặc biệt khó
/// khăn) with their validity, marked and unmarked here by a units manager; and the change sets applied so far.
/// </summary>
[Permission(PlatformPermissions.UnitsRead)]
public sealed class IndexModel(PlatformDbContext db, TimeProvider clock, IPermissionChecker permissions, UnitDesignationHandler designations) : PageModel
{
    /// <summary>The mark form (xã đặc biệt khó khăn).</summary>
    public sealed class MarkInput
    {
        public Guid? UnitId { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        public string? LegalBasis { get; set; }
    }

    [BindProperty] public MarkInput Mark { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? On { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    public KeysetPage<AdministrativeUnitInfo> Units { get; private set; } = new([], null);
    public IReadOnlyList<ReorganisationDto> Changes { get; private set; } = [];
    public bool CanManage { get; private set; }
    /// <summary>Designations (especially difficult communes) with the unit's name.</summary>
    public IReadOnlyList<(UnitDesignationInfo Designation, string UnitName)> Designations { get; private set; } = [];
    /// <summary>Communes valid today, for the mark form's list.</summary>
    public IReadOnlyList<AdministrativeUnitInfo> Communes { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Domain.VietnamTime.Today(clock);
        var marked = await designations.ListAsync(UnitDesignationKinds.EspeciallyDifficult, ct);
        var ids = marked.Select(d => d.UnitId).ToList();
        var names = await db.AdministrativeUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        Designations = marked.Select(d => (d, names.GetValueOrDefault(d.UnitId, ""))).ToList();
        Units = (await UnitsEndpoints.ListUnits(db, clock, Level, null, Cursor, 100, On, All, ct)).Value!;
        Changes = (await db.Reorganisations.AsNoTracking().OrderByDescending(r => r.EffectiveOn).Take(20).ToListAsync(ct)).Select(ReorganisationDto.Of).ToList();
        CanManage = await permissions.IsGrantedAsync(User, PlatformPermissions.UnitsManage);
        if (CanManage)
        {
            Communes = (await db.AdministrativeUnits.AsNoTracking().ValidOn(Today).Where(u => u.Level == UnitLevels.Commune).OrderBy(u => u.Name)
                .ToListAsync(ct)).Select(u => u.ToInfo()).ToList();
        }
    }

    /// <summary>Đánh dấu xã đặc biệt khó khăn.</summary>
    public async Task<IActionResult> OnPostMarkAsync(CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, PlatformPermissions.UnitsManage))
        {
            return Forbid();
        }

        var request = new MarkUnitRequest(Mark.UnitId ?? Guid.Empty, UnitDesignationKinds.EspeciallyDifficult, Mark.ValidFrom ?? default, Mark.ValidTo, Mark.LegalBasis ?? "");
        foreach (var error in Validation.Failures(HttpContext.RequestServices, request))
        {
            ModelState.AddModelError($"Mark.{error.Field}", error.Message);
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await designations.MarkAsync(request, ct);
                TempData["Message"] = Messages.Text(HostMessages.UnitMarked);
                return Redirect("/Units#designations");
            }
            catch (PlatformException e) when (e.StatusCode is 404 or 409 or 422)
            {
                ModelState.AddModelError("Mark.UnitId", e.Message);
            }
        }

        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>Bỏ đánh dấu from a day (confirmed in the browser).</summary>
    public async Task<IActionResult> OnPostUnmarkAsync(Guid id, DateOnly? from, CancellationToken ct)
    {
        if (!await permissions.IsGrantedAsync(User, PlatformPermissions.UnitsManage))
        {
            return Forbid();
        }

        try
        {
            await designations.UnmarkAsync(id, new UnmarkUnitRequest(from ?? Domain.VietnamTime.Today(clock)), ct);
        }
        catch (PlatformException e) when (e.StatusCode == 404)
        {
            return NotFound();
        }

        TempData["Message"] = Messages.Text(HostMessages.UnitUnmarked);
        return Redirect("/Units#designations");
    }

    public string Query(string? cursor = null) =>
        $"?level={Level}" + (On is { } on ? $"&on={on:yyyy-MM-dd}" : "") + (All ? "&all=true" : "") + (cursor is null ? "" : "&cursor=" + cursor);
}
