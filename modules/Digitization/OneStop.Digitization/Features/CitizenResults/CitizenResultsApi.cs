using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.Persistence;
using OneStop.Platform.Storage;

namespace OneStop.Digitization.Features.CitizenResults;

/// <summary>
/// A citizen's signed electronic results (ADR 0050): the RESULT documents of their dossiers, signed by the unit
/// (Features/Signing, with the QR to /Digitization/Verify/{code}), found across units for the one applicant identity
/// and dossier code. The document is the citizen's entry in the data store already (keyed by the identity); handing it
/// out stores nothing more than a line in the access log.
/// </summary>
internal sealed class CitizenResultsApi(DigitizationDbContext db, IBlobStore blobs) : ICitizenResultsApi
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    public async Task<IReadOnlyDictionary<string, CitizenResult>> ResultsAsync(string applicantIdentity, IReadOnlyCollection<string> dossierCodes, CancellationToken ct)
    {
        var codes = dossierCodes.Where(c => c is { Length: > 0 and <= 40 }).Distinct().Take(50).ToList();
        if (codes.Count == 0 || Signed(applicantIdentity) is not { } signed)
        {
            return new Dictionary<string, CitizenResult>();
        }

        var documents = await signed.Where(d => codes.Contains(d.DossierCode!)).ToListAsync(ct);
        // The latest signed result per dossier (a corrected result replaces the first).
        return documents.GroupBy(d => d.DossierCode!).ToDictionary(g => g.Key, g => ToResult(g.OrderByDescending(d => d.SignedAt).First()));
    }

    public async Task<CitizenResultFile?> ResultFileAsync(string applicantIdentity, string dossierCode, CancellationToken ct)
    {
        var code = (dossierCode ?? "").Trim();
        if (code.Length is 0 or > 40 || Signed(applicantIdentity) is not { } signed)
        {
            return null;
        }

        var document = await signed.Where(d => d.DossierCode == code).OrderByDescending(d => d.SignedAt).FirstOrDefaultAsync(ct);
        if (document is null || await blobs.OpenAsync(document.SignedBlobKey!, ct) is not { } stream)
        {
            return null;
        }

        byte[] content;
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            content = copy.ToArray();
        }

        // Written to the access log like any download (the caller acts in the dossier's unit, as the citizen).
        db.AccessLog.Add(new DataAccessEntry(document.ApplicantIdentity, AccessPurposes.Download, 1));
        await db.SaveChangesAsync(ct);
        return new CitizenResultFile(content, Path.ChangeExtension(document.FileName, ".signed.pdf"), FileTypes.Pdf, ToResult(document));
    }

    /// <summary>The applicant's signed results across every unit: the scope filter is lifted for this exact identity only.</summary>
    private IQueryable<DigitizedDocument>? Signed(string applicantIdentity)
    {
        var identity = (applicantIdentity ?? "").Trim();
        if (identity.Length is 0 or > 20)
        {
            return null;
        }

        return db.Documents.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(d => d.ApplicantIdentity == identity && d.Kind == DocumentKinds.Result && d.DossierCode != null && d.SignedBlobKey != null && !d.IsDeleted);
    }

    private static CitizenResult ToResult(DigitizedDocument d) =>
        new(d.Id, d.DossierCode!, d.Name, d.SignedAt!.Value, d.VerificationCode!, "/Digitization/Verify/" + d.VerificationCode);
}
