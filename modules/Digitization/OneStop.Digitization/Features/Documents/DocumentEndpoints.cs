using System.Security.Cryptography;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;
using OneStop.Platform.Domain;

namespace OneStop.Digitization.Features.Documents;

internal sealed record DocumentDto(
    Guid Id, string Kind, Guid? DossierId, string? DossierCode, string? ProcedureCode, string ApplicantKind, string ApplicantIdentity, string ApplicantName,
    string Name, string DocumentTypeCode, string DigitizedCode, DateOnly? ValidUntil, string ContentType, long Size, string FileName, string Sha256,
    string Place, string? DeskName, string DigitizedBy, DateTimeOffset DigitizedAt, string UnitPath, bool SharedForReuse,
    bool Signed, DateTimeOffset? SignedAt, string? SignedBy, string? SignerSubject, string? SignerIssuer, string? VerificationCode, string? SignedSha256,
    DateTimeOffset? ArchivedAt)
{
    public static DocumentDto From(DigitizedDocument d) => new(d.Id, d.Kind, d.DossierId, d.DossierCode, d.ProcedureCode, d.ApplicantKind, d.ApplicantIdentity,
        d.ApplicantName, d.Name, d.DocumentTypeCode, d.DigitizedCode, d.ValidUntil, d.ContentType, d.Size, d.FileName, d.BlobKey, d.Place, d.DeskName,
        d.CreatedBy, d.CreatedAt, d.UnitPath, d.SharedForReuse, d.IsSigned, d.SignedAt, d.SignedBy, d.SignerSubject, d.SignerIssuer, d.VerificationCode,
        d.SignedBlobKey, d.ArchivedAt);
}

/// <summary>
/// What describes an upload besides the file. From a scan-queue item the dossier, kind, name and type come from the
/// item; a free upload names the applicant (and, if known, the dossier code) itself.
/// </summary>
internal sealed record DigitizeRequest(
    Guid? QueueItemId, string? Kind, string? Name, string? DocumentTypeCode, DateOnly? ValidUntil, string? Place, Guid? DeskId,
    string? DossierCode, string? ApplicantKind, string? ApplicantIdentity, string? ApplicantName,
    /// <summary>An old result from the back-file: its issue day (ngày ban hành) and issuing unit's code; see <see cref="Results.BackFileResult"/>.</summary>
    DateOnly? IssuedOn = null, string? IssuingUnitCode = null);

internal sealed class DigitizeRequestValidator : AbstractValidator<DigitizeRequest>
{
    public DigitizeRequestValidator()
    {
        RuleFor(r => r.Place).Must(place => place is null || DigitizationPlaces.All.Contains(place)).WithErrorCode(DigitizationMessages.PlaceInvalid);
        // An item of the scan queue brings its dossier, kind, name and type; a free upload names them itself.
        When(r => r.QueueItemId is null, () =>
        {
            RuleFor(r => r.Kind).Must(kind => kind is not null && DocumentKinds.All.Contains(kind)).WithErrorCode(DigitizationMessages.KindInvalid);
            RuleFor(r => r.Name).Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 500).WithErrorCode(DigitizationMessages.NameRequired);
            RuleFor(r => r.DocumentTypeCode).Must(code => !string.IsNullOrWhiteSpace(code) && code.Length <= 64).WithErrorCode(DigitizationMessages.TypeCodeRequired);
            RuleFor(r => r.ApplicantIdentity).Must(ApplicantIdentities.IsValid).WithErrorCode(DigitizationErrorCodes.InvalidApplicant);
            RuleFor(r => r.ApplicantName).Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 256).WithErrorCode(DigitizationMessages.ApplicantNameRequired);
        });
    }
}

internal static class ApplicantIdentities
{
    /// <summary>A 12-digit CCCD or a 10-digit enterprise code (13 with a branch suffix, written with or without "-").</summary>
    public static bool IsValid(string? value) =>
        CitizenIdFormat.IsValid(value) || value?.Replace("-", "") is { Length: 10 or 13 } digits && digits.All(char.IsAsciiDigit);

    public static string KindOf(string identity) => CitizenIdFormat.IsValid(identity) ? "CITIZEN" : "ORGANISATION";
}

/// <summary>Số hóa: checks the file through the platform's upload guard, stores it by SHA-256 and records the document.</summary>
internal sealed class DigitizeHandler(
    DigitizationDbContext db, UploadGuard guard, ICurrentScope scope, IConfiguration configuration, TimeProvider clock, Results.ResultRegister results)
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public UploadRules Rules => new(configuration.GetValue("Digitization:Upload:MaxBytes", DefaultMaxBytes),
        [FileTypes.Pdf, FileTypes.Jpeg, FileTypes.Png, FileTypes.Tiff], DigitizationErrorCodes.UploadRejected);

    public async Task<DocumentDto> HandleAsync(DigitizeRequest request, string? fileName, Stream content, CancellationToken ct)
    {
        // Everything about the request is checked before the file is accepted, so a refused request stores nothing.
        ScanQueueItem? item = null;
        DossierRef dossier;
        string kind, name, type;
        Guid unitId;
        string unitPath;
        DossierRecord? dossierRecord;
        if (request.QueueItemId is { } itemId)
        {
            item = await db.ScanQueue.FirstOrDefaultAsync(q => q.Id == itemId, ct)
                ?? throw new PlatformException(DigitizationErrorCodes.QueueItemNotFound, 404);
            if (item.Status != QueueStatuses.Pending)
            {
                throw new PlatformException(DigitizationErrorCodes.QueueItemClosed, 409);
            }

            var record = await db.Dossiers.FirstAsync(d => d.Id == item.DossierId, ct);
            dossierRecord = record;
            dossier = new DossierRef(record.Id, record.Code, record.ProcedureCode, record.ApplicantKind, record.ApplicantIdentity, record.ApplicantName);
            (kind, name, type) = (item.Kind, string.IsNullOrWhiteSpace(request.Name) ? item.Name : request.Name.Trim(), item.DocumentTypeCode);
            (unitId, unitPath) = (item.UnitId, item.UnitPath);
        }
        else
        {
            var record = request.DossierCode is { Length: > 0 } code ? await db.Dossiers.FirstOrDefaultAsync(d => d.Code == code, ct) : null;
            if (request.DossierCode is { Length: > 0 } && record is null)
            {
                throw new PlatformException(DigitizationErrorCodes.DossierNotFound, 404) { MessageCode = DigitizationMessages.DossierCodeNotFound };
            }

            dossierRecord = record;
            var identity = request.ApplicantIdentity!.Trim();
            dossier = new DossierRef(record?.Id, record?.Code, record?.ProcedureCode, request.ApplicantKind ?? ApplicantIdentities.KindOf(identity), identity, request.ApplicantName!.Trim());
            (kind, name, type) = (request.Kind!, request.Name!.Trim(), request.DocumentTypeCode!.Trim());
            (unitId, unitPath) = record is null ? (scope.Unit.UnitId, scope.Unit.Path) : (record.UnitId, record.UnitPath);
        }

        var backFile = new Results.BackFileResult(request.IssuedOn, request.IssuingUnitCode);
        if (kind == DocumentKinds.Result)
        {
            await results.CheckAsync(dossierRecord, backFile, ct);
        }

        var upload = await guard.AcceptAsync(fileName, content, Rules, ct);
        var place = request.Place ?? (kind == DocumentKinds.Result ? DigitizationPlaces.Agency : DigitizationPlaces.Desk);
        var desk = request.DeskId is { } deskId ? await db.Desks.FirstOrDefaultAsync(d => d.AgencyId == deskId, ct) : null;
        var document = new DigitizedDocument(kind, dossier, name, type, NewDigitizedCode(kind, unitPath), request.ValidUntil, upload.Blob.Key,
            upload.ContentType, upload.Blob.Length, upload.FileName, place, desk?.AgencyId, desk?.AgencyName)
        {
            UnitId = unitId,
            UnitPath = unitPath,
        };
        db.Documents.Add(document);
        item?.Complete(document.Id);
        if (kind == DocumentKinds.Result)
        {
            // Into the register of results: the dossier's line is marked digitised; an old result gets its line (back-file).
            await results.DigitisedAsync(document, dossierRecord, backFile, ct);
        }

        await db.SaveChangesAsync(ct);
        return DocumentDto.From(document);
    }

    /// <summary>Mã số hóa: TP (thành phần) or KQ (kết quả), the unit's code, the day and a random part; unique by index.</summary>
    private string NewDigitizedCode(string kind, string unitPath)
    {
        var unitCode = unitPath.TrimEnd('/').Split('/').LastOrDefault() ?? "0";
        var day = VietnamTime.Of(clock.GetUtcNow());
        return $"{(kind == DocumentKinds.Result ? "KQ" : "TP")}.{unitCode}.{day:yyMMdd}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";
    }
}

internal sealed class DocumentQueries(DigitizationDbContext db)
{
    public async Task<DocumentDto?> GetAsync(Guid id, CancellationToken ct) =>
        await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is { } d ? DocumentDto.From(d) : null;

    public async Task<KeysetPage<DocumentDto>> ListAsync(string? applicant, Guid? dossierId, string? cursor, int? pageSize, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<Guid?>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        var query = db.Documents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(applicant))
        {
            query = query.Where(d => d.ApplicantIdentity == applicant.Trim());
        }

        if (dossierId is { } dossier)
        {
            query = query.Where(d => d.DossierId == dossier);
        }

        var rows = await query.Where(d => after == null || d.Id < after).OrderByDescending(d => d.Id).Take(size + 1).ToListAsync(ct);
        return KeysetCursor.ToPage(rows, size, DocumentDto.From, d => (Guid?)d.Id);
    }
}

internal static class DocumentEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/documents", Digitize).RequirePermission(DigitizationPermissions.Digitize)
            .DisableAntiforgery() // API callers use bearer tokens or the SameSite cookie; pages post through their own antiforgery-checked forms
            .WithIdempotency()
            .WithSummary("Số hóa một thành phần hồ sơ hoặc kết quả (multipart: file + thông tin); kiểm tra dung lượng, loại tệp theo nội dung, tên tệp, quét virus");
        api.MapGet("/documents", List).RequirePermission(DigitizationPermissions.Access)
            .WithSummary("Tài liệu số hóa trong phạm vi, mới nhất trước (lọc theo người nộp, hồ sơ)");
        api.MapGet("/documents/{id:guid}", Get).RequirePermission(DigitizationPermissions.Access)
            .WithSummary("Một tài liệu số hóa");
        api.MapGet("/documents/{id:guid}/content", Download).RequirePermission(DigitizationPermissions.Access)
            .WithSummary("Tải tệp (bản đã ký nếu có)");
    }

    private static async Task<Created<DocumentDto>> Digitize(DigitizeHandler handler, HttpContext http, [FromForm] DigitizeForm form, CancellationToken ct)
    {
        // A multipart form: the body filter (.Validate<T>) sees no request object, so the form's request is checked here.
        var request = form.ToRequest();
        Validation.ThrowIfInvalid(http.RequestServices, request);
        if (form.File is null)
        {
            // The kernel's exception takes a text: resolved now, in the request's culture.
            throw new UploadRejectedException(DigitizationErrorCodes.UploadRejected, DigitizationMessages.FileMissing, UploadRefusal.Empty);
        }

        await using var content = form.File.OpenReadStream();
        var dto = await handler.HandleAsync(request, form.File.FileName, content, ct);
        return TypedResults.Created($"/api/v1/digitization/documents/{dto.Id}", dto);
    }

    private static async Task<Ok<KeysetPage<DocumentDto>>> List(DocumentQueries queries, string? applicant, Guid? dossierId, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(applicant, dossierId, cursor, pageSize, ct));

    private static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> Get(DocumentQueries queries, Guid id, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : NotFound();

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(DigitizationDbContext db, IBlobStore blobs, Guid id, bool? original, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
        {
            return NotFound();
        }

        var signed = document.IsSigned && original != true;
        var stream = await blobs.OpenAsync(signed ? document.SignedBlobKey! : document.BlobKey, ct);
        if (stream is null)
        {
            return NotFound();
        }

        db.AccessLog.Add(new DataAccessEntry(document.ApplicantIdentity, AccessPurposes.Download, 1));
        await db.SaveChangesAsync(ct);
        var name = signed ? Path.ChangeExtension(document.FileName, ".signed.pdf") : document.FileName;
        return TypedResults.File(stream, signed ? FileTypes.Pdf : document.ContentType, name);
    }

    internal static ProblemHttpResult NotFound() =>
        TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(DigitizationErrorCodes.DocumentNotFound, 404));
}

/// <summary>The multipart form of <c>POST /documents</c>.</summary>
internal sealed class DigitizeForm
{
    public IFormFile? File { get; set; }
    public Guid? QueueItemId { get; set; }
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? DocumentTypeCode { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public string? Place { get; set; }
    public Guid? DeskId { get; set; }
    public string? DossierCode { get; set; }
    public string? ApplicantKind { get; set; }
    public string? ApplicantIdentity { get; set; }
    public string? ApplicantName { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public string? IssuingUnitCode { get; set; }

    public DigitizeRequest ToRequest() =>
        new(QueueItemId, Kind, Name, DocumentTypeCode, ValidUntil, Place, DeskId, DossierCode, ApplicantKind, ApplicantIdentity, ApplicantName, IssuedOn, IssuingUnitCode);
}
