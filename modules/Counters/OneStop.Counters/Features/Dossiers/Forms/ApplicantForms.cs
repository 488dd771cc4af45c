using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Dossiers.Forms;

/// <summary>
/// The forms issued to an applicant, for "Hồ sơ của tôi" (issue 18 item 4): Mẫu 01 receipt, 02 supplement request,
/// 03 refusal, 04 apology and new date — the ones the applicant is handed at the desk; the control sheet is the office's
/// own. The dossier is found across every unit for one exact applicant identity (the signed-in citizen's, never typed),
/// and the form is then rendered by <see cref="DossierForms"/> inside the dossier's own unit, exactly as the desk prints it.
/// </summary>
internal sealed class ApplicantForms(CountersDbContext db, DossierForms forms, ICurrentScope scope)
{
    public static readonly string[] IssuedToApplicant = [FormKinds.Receipt, FormKinds.SupplementRequest, FormKinds.Refusal, FormKinds.Apology];

    /// <summary>A page of "Hồ sơ của tôi" asks for ten; more codes than this are ignored.</summary>
    public const int MaxCodes = 50;

    private sealed record Owned(Guid Id, string Code, Guid UnitId, string UnitPath, string UnitName);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ApplicantForm>>> ListAsync(
        string applicantKind, string applicantIdentity, IReadOnlyCollection<string> dossierCodes, CancellationToken ct)
    {
        var codes = dossierCodes.Where(c => c is { Length: > 0 and <= 40 }).Distinct().Take(MaxCodes).ToList();
        var result = new Dictionary<string, IReadOnlyList<ApplicantForm>>();
        foreach (var dossier in await OwnedAsync(applicantKind, applicantIdentity, codes, ct))
        {
            using var _ = InDossiersUnit(dossier);
            var available = await forms.AvailableAsync(dossier.Id, ct);
            result[dossier.Code] = available.Where(f => IssuedToApplicant.Contains(f.Kind)).Select(f => new ApplicantForm(f.Kind, f.Number, f.FileName)).ToList();
        }

        return result;
    }

    public async Task<ApplicantFormFile?> RenderAsync(string applicantKind, string applicantIdentity, string dossierCode, string form, CancellationToken ct)
    {
        if (!IssuedToApplicant.Contains(form) || dossierCode is not { Length: > 0 and <= 40 }
            || (await OwnedAsync(applicantKind, applicantIdentity, [dossierCode], ct)).SingleOrDefault() is not { } dossier)
        {
            return null;
        }

        using var _ = InDossiersUnit(dossier);
        try
        {
            var rendered = await forms.RenderAsync(dossier.Id, form, null, ct);
            return new ApplicantFormFile(rendered.Content, rendered.FileName, rendered.ContentType);
        }
        catch (PlatformException e) when (e.StatusCode is 404 or 409)
        {
            // Not issued for this dossier (yet): to the applicant it does not exist.
            return null;
        }
    }

    /// <summary>The dossiers among <paramref name="codes"/> whose applicant is exactly this one, whichever unit holds them.</summary>
    private async Task<List<Owned>> OwnedAsync(string applicantKind, string applicantIdentity, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        if (codes.Count == 0 || ApplicantDossiers.Of(db, applicantKind, applicantIdentity) is not { } own)
        {
            return [];
        }

        return await own.Where(d => codes.Contains(d.Code))
            .Select(d => new Owned(d.Id, d.Code, d.UnitId, d.UnitPath, d.ReceivingUnitName))
            .ToListAsync(ct);
    }

    /// <summary>The desk's renderer reads in scope; it reads this one dossier's unit, as that unit's desk would.</summary>
    private IDisposable InDossiersUnit(Owned dossier) => scope.Change(new UnitScope(dossier.UnitId, dossier.UnitPath, dossier.UnitName));
}
