using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Features.Documents;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Features.DataStore;

/// <summary>
/// Kho quản lý dữ liệu điện tử của tổ chức, cá nhân: the documents held for one CCCD or enterprise code. Documents of
/// the caller's scope are always visible; documents digitised elsewhere in the province only once the applicant has
/// consented to sharing. Every read is written to the access log (who, which unit, what for, how many documents).
/// </summary>
internal sealed class DataStore(DigitizationDbContext db, ICurrentScope scope) : IDigitizationApi
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    public async Task<IReadOnlyList<ReusableDocument>> FindReusableDocumentsAsync(
        string applicantIdentity, IReadOnlyCollection<string> documentTypeCodes, DateOnly on, CancellationToken ct = default)
    {
        var identity = Require(applicantIdentity);
        var types = documentTypeCodes.ToList();
        var documents = await (await VisibleAsync(identity, ct))
            .Where(d => d.SharedForReuse && types.Contains(d.DocumentTypeCode) && (d.ValidUntil == null || d.ValidUntil >= on))
            .OrderByDescending(d => d.Id).ToListAsync(ct);
        await LogAsync(identity, AccessPurposes.IntakeReuse, documents.Count, ct);
        return documents.Select(ToReusable).ToList();
    }

    public async Task<ReusableDocument?> FindReusableDocumentAsync(string applicantIdentity, Guid documentId, DateOnly on, CancellationToken ct = default)
    {
        var identity = Require(applicantIdentity);
        var document = await (await VisibleAsync(identity, ct))
            .FirstOrDefaultAsync(d => d.Id == documentId && d.SharedForReuse && (d.ValidUntil == null || d.ValidUntil >= on), ct);
        await LogAsync(identity, AccessPurposes.IntakeReuse, document is null ? 0 : 1, ct);
        return document is null ? null : ToReusable(document);
    }

    public async Task RecordConsentAsync(string applicantIdentity, bool granted, string purpose, CancellationToken ct = default)
    {
        db.Consents.Add(new ApplicantConsent(Require(applicantIdentity), granted, purpose.Trim()));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<DocumentDto>> DocumentsAsync(string applicantIdentity, CancellationToken ct)
    {
        var identity = Require(applicantIdentity);
        var documents = await (await VisibleAsync(identity, ct)).OrderByDescending(d => d.Id).Take(500).ToListAsync(ct);
        await LogAsync(identity, AccessPurposes.DataStoreView, documents.Count, ct);
        return documents.Select(DocumentDto.From).ToList();
    }

    public async Task<bool> HasConsentAsync(string identity, CancellationToken ct) =>
        await db.Consents.IgnoreQueryFilters(Scope).AsNoTracking().Where(c => c.ApplicantIdentity == identity && !c.IsDeleted)
            .OrderByDescending(c => c.Id).Select(c => (bool?)c.Granted).FirstOrDefaultAsync(ct) == true;

    private async Task<IQueryable<DigitizedDocument>> VisibleAsync(string identity, CancellationToken ct) =>
        (await HasConsentAsync(identity, ct) ? db.Documents.IgnoreQueryFilters(Scope).Where(d => !d.IsDeleted) : db.Documents)
            .AsNoTracking().Where(d => d.ApplicantIdentity == identity);

    private async Task LogAsync(string identity, string purpose, int count, CancellationToken ct)
    {
        // System work (jobs, the relay) acts for no unit and reads no one's data on a person's behalf.
        if (scope.Unit.UnitId == Guid.Empty)
        {
            return;
        }

        db.AccessLog.Add(new DataAccessEntry(identity, purpose, count));
        await db.SaveChangesAsync(ct);
    }

    private static string Require(string identity) => ApplicantIdentities.IsValid(identity?.Trim())
        ? identity!.Trim()
        : throw new PlatformException(DigitizationErrorCodes.InvalidApplicant, 400);

    private static ReusableDocument ToReusable(DigitizedDocument d) =>
        new(d.Id, d.DocumentTypeCode, d.Name, d.DigitizedCode, d.Kind == DocumentKinds.Result, d.DossierCode ?? "", d.ValidUntil);
}

internal sealed record ConsentRequest(bool Granted, string Purpose);

internal sealed class ConsentRequestValidator : AbstractValidator<ConsentRequest>
{
    public ConsentRequestValidator() =>
        RuleFor(r => r.Purpose).Must(purpose => !string.IsNullOrWhiteSpace(purpose) && purpose.Length <= 500).WithErrorCode(DigitizationMessages.PurposeRequired);
}

internal sealed record AccessEntryDto(DateTimeOffset At, string Actor, string Purpose, int DocumentCount, string UnitPath);

internal sealed record ConsentDto(DateTimeOffset At, string RecordedBy, bool Granted, string Purpose, string UnitPath);

internal static class DataStoreEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/applicants/{identity}/documents", Documents).RequirePermission(DigitizationPermissions.DataStore)
            .WithSummary("Kho dữ liệu của một tổ chức, cá nhân (CCCD hoặc mã số doanh nghiệp); lượt xem được ghi nhật ký");
        api.MapGet("/applicants/{identity}/reusable", Reusable).RequirePermission(DigitizationPermissions.DataStore)
            .WithSummary("Giấy tờ còn hiệu lực có thể tái sử dụng khi tiếp nhận (theo mã loại giấy tờ, ngày)");
        api.MapPost("/applicants/{identity}/consents", Consent).RequirePermission(DigitizationPermissions.DataStore)
            .Validate<ConsentRequest>().WithIdempotency()
            .WithSummary("Ghi nhận đồng ý (hoặc rút đồng ý) chia sẻ, tái sử dụng dữ liệu");
        api.MapGet("/applicants/{identity}/consents", Consents).RequirePermission(DigitizationPermissions.DataStore)
            .WithSummary("Lịch sử đồng ý chia sẻ dữ liệu của người nộp");
        api.MapGet("/applicants/{identity}/access-log", AccessLog).RequirePermission(DigitizationPermissions.DataStore)
            .WithSummary("Nhật ký truy cập dữ liệu của người nộp trong phạm vi");
    }

    private static async Task<Ok<IReadOnlyList<DocumentDto>>> Documents(DataStore store, string identity, CancellationToken ct) =>
        TypedResults.Ok(await store.DocumentsAsync(identity, ct));

    private static async Task<Ok<IReadOnlyList<ReusableDocument>>> Reusable(DataStore store, string identity, string[]? types, DateOnly? on, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await store.FindReusableDocumentsAsync(identity, types ?? [], on ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct));

    private static async Task<Created<ConsentDto>> Consent(DataStore store, ICurrentScope scope, TimeProvider clock, string identity, ConsentRequest request, CancellationToken ct)
    {
        await store.RecordConsentAsync(identity, request.Granted, request.Purpose, ct);
        return TypedResults.Created($"/api/v1/digitization/applicants/{identity}/consents",
            new ConsentDto(clock.GetUtcNow(), scope.ActorName, request.Granted, request.Purpose.Trim(), scope.Unit.Path));
    }

    private static async Task<Ok<IReadOnlyList<ConsentDto>>> Consents(DigitizationDbContext db, string identity, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ConsentDto>>(await db.Consents.AsNoTracking().Where(c => c.ApplicantIdentity == identity).OrderByDescending(c => c.Id).Take(200)
            .Select(c => new ConsentDto(c.CreatedAt, c.CreatedBy, c.Granted, c.Purpose, c.UnitPath)).ToListAsync(ct));

    private static async Task<Ok<IReadOnlyList<AccessEntryDto>>> AccessLog(DigitizationDbContext db, string identity, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<AccessEntryDto>>(await db.AccessLog.AsNoTracking().Where(a => a.ApplicantIdentity == identity).OrderByDescending(a => a.Id).Take(500)
            .Select(a => new AccessEntryDto(a.CreatedAt, a.CreatedBy, a.Purpose, a.DocumentCount, a.UnitPath)).ToListAsync(ct));
}
