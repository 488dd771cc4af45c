using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Features.CertifiedCopies;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Pages;

/// <summary>Chứng thực bản sao điện tử từ bản chính: the form of the commune's desk; the handler is the API's.</summary>
[Permission(DigitizationPermissions.Sign)]
[RequestSizeLimit(64 * 1024 * 1024)]
internal sealed class CertifyModel(CertifyHandler handler, CertifiedCopyQueries queries, DigitizationDbContext db, IAdministrativeUnitDirectory units,
    ICurrentScope scope) : PageModel
{
    public IReadOnlyList<CertifyingOfficer> Officers { get; private set; } = [];
    /// <summary>Dossiers of 2.000815 received at the unit and not yet in the register, newest first.</summary>
    public IReadOnlyList<(Guid Id, string Code, string ApplicantName)> Dossiers { get; private set; } = [];
    public bool AtCommune { get; private set; }

    [BindProperty] public CertifyForm Input { get; set; } = new();

    public async Task OnGetAsync(Guid? dossier, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (dossier is { } id && await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.ProcedureCode == CertifiedCopy.ProcedureCode, ct) is { } record)
        {
            Input.DossierId = record.Id;
            Input.RequesterName = record.ApplicantName;
            Input.RequesterIdentity = record.ApplicantIdentity;
        }
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var request = Input.ToRequest();
        ModelState.Check(HttpContext.RequestServices, request, "Input");
        if (file is null)
        {
            ModelState.AddModelError("", Messages.Text(DigitizationMessages.CertifySourceMissing));
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await using var content = file!.OpenReadStream();
                var dto = await handler.HandleAsync(request, file.FileName, content, $"{Request.Scheme}://{Request.Host}{Request.PathBase}", ct);
                TempData["Digitization.Certified"] = Messages.Text(DigitizationMessages.CertifyDone, dto.RegisterNumber, dto.FeeVnd.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
                return RedirectToPage("CertifiedCopies", new { year = dto.Year });
            }
            catch (PlatformException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var unit = scope.Unit.UnitId == Guid.Empty ? null : await units.FindAsync(scope.Unit.UnitId, ct);
        AtCommune = unit?.Level == UnitLevels.Commune;
        if (!AtCommune)
        {
            return;
        }

        Officers = await queries.OfficersAsync(ct);
        var registered = db.CertifiedCopies.Where(c => c.DossierId != null).Select(c => c.DossierId);
        Dossiers = (await db.Dossiers.AsNoTracking()
                .Where(d => d.ProcedureCode == CertifiedCopy.ProcedureCode && !registered.Contains(d.Id))
                .OrderByDescending(d => d.ReceivedAt).Take(50).Select(d => new { d.Id, d.Code, d.ApplicantName }).ToListAsync(ct))
            .Select(d => (d.Id, d.Code, d.ApplicantName)).ToList();
    }
}
