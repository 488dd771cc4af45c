using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Features.Documents;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Localization;
using OneStop.Platform.Messaging;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Features.Signing;

/// <summary>Ký số: signs a document's file with the certificate of the unit that owns it; the signed PDF is a new blob.</summary>
internal sealed class SignHandler(DigitizationDbContext db, IBlobStore blobs, UnitCertificates certificates, IAdministrativeUnitDirectory units,
    ICurrentScope scope, IConfiguration configuration, TimeProvider clock, IPeopleDirectory people)
{
    public async Task<DocumentDto> HandleAsync(Guid id, string requestBaseUrl, CancellationToken ct)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new PlatformException(DigitizationErrorCodes.DocumentNotFound, 404);
        document.EnsureNotArchived();
        if (document.IsSigned)
        {
            throw new PlatformException(DigitizationErrorCodes.AlreadySigned, 409);
        }

        var unit = await units.FindAsync(document.UnitId, ct)
            ?? throw new PlatformException(DigitizationErrorCodes.NotSignable, 409) { MessageCode = DigitizationMessages.OwnerUnitUnknown };
        var certificate = certificates.For(unit);
        byte[] content;
        await using (var stream = await blobs.OpenAsync(document.BlobKey, ct)
            ?? throw new PlatformException(DigitizationErrorCodes.NotSignable, 409) { MessageCode = DigitizationMessages.StoredFileMissing })
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        var code = NewVerificationCode();
        var baseUrl = (configuration["Digitization:PublicBaseUrl"] is { Length: > 0 } configured ? configured : requestBaseUrl).TrimEnd('/');
        var now = clock.GetUtcNow();
        var signer = await people.FullNameAsync(scope.ActorName, ct);
        byte[] signed;
        try
        {
            signed = PdfSigner.Sign(content, document.ContentType, certificate,
                new SignatureRequest($"{baseUrl}/Digitization/Verify/{code}", document.DigitizedCode,
                    document.Kind == DocumentKinds.Result ? "Kết quả giải quyết thủ tục hành chính" : "Bản sao điện tử từ bản chính", unit.Name, now, signer));
        }
        catch (NotSignableException e)
        {
            throw new PlatformException(DigitizationErrorCodes.NotSignable, 409) { MessageCode = e.MessageCode };
        }

        var blob = await blobs.PutAsync(signed, ct);
        document.Sign(new SignedFile(blob.Key, blob.Length, now, certificate.Subject, certificate.Issuer, certificate.SerialNumber, certificate.NotAfter.ToUniversalTime()),
            scope.ActorName, code);
        if (document.Kind == DocumentKinds.Result && document.DossierId is { } dossierId)
        {
            // The electronic result goes on to the national portal (Integration), in the same transaction as the signature.
            db.Publish(new ElectronicResultSigned(dossierId, document.DossierCode ?? "", document.Id, document.Name, document.FileName, FileTypes.Pdf,
                blob.Key, blob.Length, now, code) { UnitPath = document.UnitPath });
        }

        await db.SaveChangesAsync(ct);
        return DocumentDto.From(document);
    }

    /// <summary>20 characters from an alphabet without look-alikes (no 0/O, 1/I/L): printed under the QR and typed by hand if need be.</summary>
    private static string NewVerificationCode() => RandomNumberGenerator.GetString("ABCDEFGHJKMNPQRSTUVWXYZ23456789", 20);
}

/// <summary>A signature check of a file as shown on the verification page and returned by the API.</summary>
internal sealed record VerificationDto(
    bool Valid, bool Signed, bool Intact, bool CoversWholeFile, bool MatchesRegisteredFile, bool IssuedByThisSystem,
    string? Subject, string? Issuer, string? Serial, DateTimeOffset? SignedAt, DateTimeOffset? CertificateNotBefore, DateTimeOffset? CertificateNotAfter,
    string? Problem, string Sha256);

/// <summary>
/// Xác thực: checks a file's signature with our own verifier and compares it with the document registered under the
/// verification code (content addressing makes "unchanged" a hash comparison).
/// </summary>
internal sealed class VerificationService(DigitizationDbContext db)
{
    public async Task<DigitizedDocument?> FindByCodeAsync(string code, CancellationToken ct) =>
        code.Length is > 0 and <= 32
            ? await db.Documents.IgnoreQueryFilters([OneStop.Platform.Persistence.PlatformModelConventions.ScopeFilter]).AsNoTracking()
                .FirstOrDefaultAsync(d => d.VerificationCode == code, ct)
            : null;

    public static VerificationDto Check(byte[] file, DigitizedDocument? registered)
    {
        var report = PdfSignatureVerifier.Verify(file);
        var sha = BlobKeys.Of(file);
        var matches = registered?.SignedBlobKey == sha;
        var ours = registered is not null && report.Serial is not null && string.Equals(report.Serial, registered.CertificateSerial, StringComparison.OrdinalIgnoreCase);
        var problem = report.Problem ?? (registered is not null && !matches ? Messages.Text(DigitizationMessages.DiffersFromRegistered) : null);
        return new VerificationDto(report.Valid && (registered is null || matches), report.Signed, report.Intact, report.CoversWholeFile, matches, ours,
            report.Subject, report.Issuer, report.Serial, report.SignedAt, report.NotBefore, report.NotAfter, problem, sha);
    }
}

internal static class SignEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/documents/{id:guid}/sign", Sign).RequirePermission(DigitizationPermissions.Sign)
            .WithSummary("Ký số tài liệu bằng chứng thư số của đơn vị (PAdES, SHA-256), in mã QR tra cứu");
        api.MapGet("/documents/{id:guid}/signature", Signature).RequirePermission(DigitizationPermissions.Access)
            .WithSummary("Kiểm tra chữ ký số của tệp đã ký đang lưu");
        api.MapPost("/verify/{code}", Verify).AllowAnonymous().DisableAntiforgery()
            .WithSummary("Xác thực công khai (không cần đăng nhập): tệp tải lên có đúng là bản đã ký theo mã tra cứu và còn nguyên vẹn không");
    }

    private static async Task<Ok<DocumentDto>> Sign(SignHandler handler, HttpRequest request, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(id, $"{request.Scheme}://{request.Host}{request.PathBase}", ct));

    private static async Task<Results<Ok<VerificationDto>, ProblemHttpResult>> Signature(DigitizationDbContext db, IBlobStore blobs, Guid id, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document?.SignedBlobKey is not { } key || await blobs.OpenAsync(key, ct) is not { } stream)
        {
            return DocumentEndpoints.NotFound();
        }

        using var buffer = new MemoryStream();
        await using (stream)
        {
            await stream.CopyToAsync(buffer, ct);
        }

        return TypedResults.Ok(VerificationService.Check(buffer.ToArray(), document));
    }

    private static async Task<Results<Ok<VerificationDto>, ProblemHttpResult>> Verify(VerificationService verification, IFormFile? file, string code, CancellationToken ct)
    {
        var registered = await verification.FindByCodeAsync(code, ct);
        if (registered is null)
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(DigitizationErrorCodes.VerificationNotFound, 404));
        }

        if (file is null || file.Length is 0 or > DigitizeHandler.DefaultMaxBytes)
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(DigitizationErrorCodes.UploadRejected, Messages.Text(DigitizationMessages.VerifyFileRequired), 400));
        }

        // Checked in memory only: nothing a visitor sends is stored.
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return TypedResults.Ok(VerificationService.Check(buffer.ToArray(), registered));
    }
}
