using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Features.Documents;
using OneStop.Digitization.Features.Signing;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Scoping;
using OneStop.Platform.Storage;
using OneStop.Platform.Persistence;
using OneStop.Platform.Web;
using PdfSharp.Pdf.IO;

namespace OneStop.Digitization.Features.CertifiedCopies;

/// <summary>
/// Chứng thực bản sao điện tử từ bản chính at a commune: checks the request, the dossier (if any), the officer and the
/// scan of the original; then, in one transaction, takes the next số chứng thực of the unit's register for the year,
/// prints the certification (lời chứng) and the QR stamp on the copy, signs it with the unit's certificate, stores it
/// as a signed document of the requester's data store and writes the register line. A refused request changes nothing.
/// </summary>
internal sealed class CertifyHandler(DigitizationDbContext db, CertifiedCopyQueries queries, UploadGuard guard, IBlobStore blobs,
    UnitCertificates certificates, IAdministrativeUnitDirectory units, ICurrentScope scope, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>The scan of the original: a PDF, or a photographed page (wrapped into a PDF page when signed).</summary>
    public UploadRules Rules => new(configuration.GetValue("Digitization:Upload:MaxBytes", DigitizeHandler.DefaultMaxBytes),
        [FileTypes.Pdf, FileTypes.Jpeg, FileTypes.Png], DigitizationErrorCodes.UploadRejected);

    public async Task<CertifiedCopyDto> HandleAsync(CertifyRequest request, string? fileName, Stream content, string requestBaseUrl, CancellationToken ct)
    {
        var unit = scope.Unit.UnitId == Guid.Empty ? null : await units.FindAsync(scope.Unit.UnitId, ct);
        if (unit is null || unit.Level != UnitLevels.Commune)
        {
            throw new PlatformException(DigitizationErrorCodes.CertificationNotAllowed, 422);
        }

        DossierRecord? dossier = null;
        if (request.DossierId is { } dossierId)
        {
            // The scope filter makes another unit's dossier "not found".
            dossier = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == dossierId, ct)
                ?? throw new PlatformException(DigitizationErrorCodes.DossierNotFound, 404);
            if (dossier.ProcedureCode != CertifiedCopy.ProcedureCode)
            {
                throw new PlatformException(DigitizationErrorCodes.NotCertificationDossier, 422, dossier.Code);
            }
        }

        var officer = (await queries.OfficersAsync(ct)).FirstOrDefault(o => o.Id == request.OfficerId)
            ?? throw new PlatformException(DigitizationErrorCodes.OfficerNotFound, 404);
        var officerLogin = await queries.LoginOfAsync(officer.Id, ct);

        var upload = await guard.AcceptAsync(fileName, content, Rules, ct);
        byte[] original;
        await using (var stream = await blobs.OpenAsync(upload.Blob.Key, ct)
            ?? throw new PlatformException(DigitizationErrorCodes.NotSignable, 409) { MessageCode = DigitizationMessages.StoredFileMissing })
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            original = buffer.ToArray();
        }

        var pages = request.Pages!.Value;
        if (upload.ContentType == FileTypes.Pdf && PageCount(original) is var scanned && scanned != pages)
        {
            throw new PlatformException(DigitizationErrorCodes.PagesMismatch, 422, scanned, pages);
        }

        var now = clock.GetUtcNow();
        var day = VietnamTime.DayOf(now);
        var certificate = certificates.For(unit);
        var identity = request.RequesterIdentity!.Trim();
        var requester = request.RequesterName!.Trim();
        var documentName = request.DocumentName!.Trim();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var number = await NextNumberAsync(unit.Id, day.Year, ct);
        var registerNumber = CertifiedCopy.Format(number, day.Year);
        var verificationCode = RandomNumberGenerator.GetString("ABCDEFGHJKMNPQRSTUVWXYZ23456789", 20);
        var digitizedCode = $"BS.{unit.Code}.{day:yyMMdd}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";
        var baseUrl = (configuration["Digitization:PublicBaseUrl"] is { Length: > 0 } configured ? configured : requestBaseUrl).TrimEnd('/');
        string[] certification =
        [
            "CHỨNG THỰC BẢN SAO ĐÚNG VỚI BẢN CHÍNH",
            $"Số chứng thực: {registerNumber}",
            $"Ngày {day:dd} tháng {day:MM} năm {day:yyyy}",
            $"Người thực hiện chứng thực: {(officer.Position is { Length: > 0 } position ? position + " " : "")}{officer.FullName}",
            $"Ủy ban nhân dân {unit.Name} (ký số bằng chứng thư số của đơn vị)",
        ];
        byte[] signed;
        try
        {
            signed = PdfSigner.Sign(original, upload.ContentType, certificate,
                new SignatureRequest($"{baseUrl}/Digitization/Verify/{verificationCode}", digitizedCode, "Chứng thực bản sao điện tử từ bản chính",
                    unit.Name, now, officer.FullName, certification));
        }
        catch (NotSignableException e)
        {
            throw new PlatformException(DigitizationErrorCodes.NotSignable, 409) { MessageCode = e.MessageCode };
        }

        var blob = await blobs.PutAsync(signed, ct);
        var owner = new DossierRef(dossier?.Id, dossier?.Code, CertifiedCopy.ProcedureCode, ApplicantIdentities.KindOf(identity), identity, requester);
        var document = new DigitizedDocument(DocumentKinds.Component, owner, $"{documentName} (bản sao chứng thực số {registerNumber})",
            request.DocumentTypeCode?.Trim() ?? CertifiedCopies.DefaultTypeCode, digitizedCode, null, upload.Blob.Key, upload.ContentType, upload.Blob.Length,
            upload.FileName, DigitizationPlaces.Desk, null, null)
        {
            UnitId = unit.Id,
            UnitPath = unit.Path,
        };
        document.Sign(new SignedFile(blob.Key, blob.Length, now, certificate.Subject, certificate.Issuer, certificate.SerialNumber,
            certificate.NotAfter.ToUniversalTime()), officerLogin, verificationCode);
        var entry = new CertifiedCopy(unit.Id, unit.Path, day.Year, number, now, day, dossier, requester, identity, documentName,
            request.IssuingBody!.Trim(), pages, request.Copies!.Value, officer.Id, officerLogin, officer.FullName, officer.Position, document.Id, request.Note?.Trim());
        db.Documents.Add(document);
        db.CertifiedCopies.Add(entry);
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return CertifiedCopyDto.From(entry, document);
    }

    private static int PageCount(byte[] pdf)
    {
        try
        {
            using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
            return document.PageCount;
        }
        catch (Exception e) when (e is PdfReaderException or InvalidOperationException or NotSupportedException)
        {
            throw new PlatformException(DigitizationErrorCodes.NotSignable, 409) { MessageCode = DigitizationMessages.PdfUnreadable };
        }
    }

    /// <summary>The next số chứng thực of the unit's register for the year, taken inside the certification's transaction.</summary>
    private Task<int> NextNumberAsync(Guid unitId, int year, CancellationToken ct) =>
        RunningNumbers.NextAsync<CertificationCounter>(db, [unitId.ToString("D"), year], ct);
}

/// <summary>Constants of the certified-copy feature.</summary>
internal static class CertifiedCopies
{
    /// <summary>Document-type code of an electronic certified copy when the officer names none (bản sao chứng thực).</summary>
    public const string DefaultTypeCode = "BS-CT";
}
