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
using OneStop.Platform.Domain;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Features.DataStore;

/// <summary>
/// Kho quản lý dữ liệu điện tử của tổ chức, cá nhân: the documents held for one CCCD or enterprise code. Documents of
/// the caller's scope are always visible; documents digitised elsewhere in the province only while the applicant's
/// consent to the reading unit is in force, and never those of a unit whose own consent record for the applicant is a
/// refusal (ADR 0035). Every read is written to the access log (who, which unit, what for, how many documents).
/// </summary>
internal sealed class DataStore(DigitizationDbContext db, ICurrentScope scope, TimeProvider clock) : IDigitizationApi
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    /// <summary>How far ahead a consent may be dated (hiệu lực từ ngày): a year.</summary>
    private const int MaxDaysAhead = 366;

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

    public Task RecordConsentAsync(string applicantIdentity, bool granted, string purpose, CancellationToken ct = default) =>
        RecordConsentAsync(applicantIdentity, granted, purpose, null, ct);

    /// <summary>
    /// Records the applicant's consent (or refusal) for the acting unit, from <paramref name="effectiveFrom"/> (a day,
    /// Vietnam time, today up to a year ahead) or from now. The record is stamped with the acting unit (the context
    /// refuses system work acting for no unit), so only the acting unit's pair changes.
    /// </summary>
    public async Task<ApplicantConsent> RecordConsentAsync(string applicantIdentity, bool granted, string purpose, DateOnly? effectiveFrom, CancellationToken ct = default)
    {
        var identity = Require(applicantIdentity);
        var now = clock.GetUtcNow();
        var today = VietnamTime.Today(clock);
        if (effectiveFrom is { } day && (day < today || day > today.AddDays(MaxDaysAhead)))
        {
            throw new PlatformException(DigitizationErrorCodes.ConsentDateOutOfRange, 422, MaxDaysAhead);
        }

        var from = effectiveFrom is { } d && d > today ? VietnamTime.StartOfDay(d) : now;
        var consent = new ApplicantConsent(identity, granted, purpose.Trim(), from);
        db.Consents.Add(consent);
        await db.SaveChangesAsync(ct);
        return consent;
    }

    public async Task<IReadOnlyList<DocumentDto>> DocumentsAsync(string applicantIdentity, CancellationToken ct)
    {
        var identity = Require(applicantIdentity);
        var documents = await (await VisibleAsync(identity, ct)).OrderByDescending(d => d.Id).Take(500).ToListAsync(ct);
        await LogAsync(identity, AccessPurposes.DataStoreView, documents.Count, ct);
        return documents.Select(DocumentDto.From).ToList();
    }

    /// <summary>The consent in force now for the acting unit: granted, refused, or <c>null</c> when it holds no record.</summary>
    public async Task<bool?> ConsentOfActingUnitAsync(string identity, CancellationToken ct) =>
        (await InForceAsync(identity, ct)).TryGetValue(scope.Unit.UnitId, out var granted) ? granted : null;

    /// <summary>The record in force for each unit holding one for <paramref name="identity"/>: the latest already in effect.</summary>
    private async Task<Dictionary<Guid, bool>> InForceAsync(string identity, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var records = await db.Consents.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(c => c.ApplicantIdentity == identity && !c.IsDeleted && c.EffectiveFrom <= now)
            .Select(c => new { c.UnitId, c.Granted, c.EffectiveFrom, c.Id }).ToListAsync(ct);
        return records.GroupBy(c => c.UnitId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.EffectiveFrom).ThenByDescending(c => c.Id).First().Granted);
    }

    /// <summary>
    /// The caller's own scope always; beyond it only with a grant in force for the acting unit, and then not the
    /// documents of a unit whose own record in force is a refusal (one unit's grant never overrides another's refusal).
    /// </summary>
    private async Task<IQueryable<DigitizedDocument>> VisibleAsync(string identity, CancellationToken ct)
    {
        var inForce = await InForceAsync(identity, ct);
        if (scope.Unit.UnitId == Guid.Empty || !inForce.TryGetValue(scope.Unit.UnitId, out var granted) || !granted)
        {
            return db.Documents.AsNoTracking().Where(d => d.ApplicantIdentity == identity);
        }

        var own = scope.Unit.Path;
        var refused = inForce.Where(c => !c.Value).Select(c => c.Key).ToList();
        return db.Documents.IgnoreQueryFilters(Scope).AsNoTracking()
            .Where(d => !d.IsDeleted && d.ApplicantIdentity == identity && (d.UnitPath.StartsWith(own) || !refused.Contains(d.UnitId)));
    }

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

/// <summary>A consent record for the acting unit; <see cref="EffectiveFrom"/> (a day, today up to a year ahead) defaults to now.</summary>
internal sealed record ConsentRequest(bool Granted, string Purpose, DateOnly? EffectiveFrom = null);

internal sealed class ConsentRequestValidator : AbstractValidator<ConsentRequest>
{
    public ConsentRequestValidator() =>
        RuleFor(r => r.Purpose).Must(purpose => !string.IsNullOrWhiteSpace(purpose) && purpose.Length <= 500).WithErrorCode(DigitizationMessages.PurposeRequired);
}

internal sealed record AccessEntryDto(DateTimeOffset At, string Actor, string Purpose, int DocumentCount, string UnitPath);

internal sealed record ConsentDto(DateTimeOffset At, string RecordedBy, bool Granted, string Purpose, string UnitPath, DateTimeOffset EffectiveFrom)
{
    public static ConsentDto From(ApplicantConsent c) => new(c.CreatedAt, c.CreatedBy, c.Granted, c.Purpose, c.UnitPath, c.EffectiveFrom);
}

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
            .WithSummary("Ghi nhận đồng ý (hoặc từ chối, rút đồng ý) chia sẻ, tái sử dụng dữ liệu với đơn vị đang làm việc; hiệu lực từ ngày chọn hoặc ngay");
        api.MapGet("/applicants/{identity}/consents", Consents).RequirePermission(DigitizationPermissions.DataStore)
            .WithSummary("Lịch sử đồng ý chia sẻ dữ liệu của người nộp với các đơn vị trong phạm vi");
        api.MapGet("/applicants/{identity}/access-log", AccessLog).RequirePermission(DigitizationPermissions.DataStore)
            .WithSummary("Nhật ký truy cập dữ liệu của người nộp trong phạm vi");
    }

    private static async Task<Ok<IReadOnlyList<DocumentDto>>> Documents(DataStore store, string identity, CancellationToken ct) =>
        TypedResults.Ok(await store.DocumentsAsync(identity, ct));

    private static async Task<Ok<IReadOnlyList<ReusableDocument>>> Reusable(DataStore store, string identity, string[]? types, DateOnly? on, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await store.FindReusableDocumentsAsync(identity, types ?? [], on ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct));

    private static async Task<Created<ConsentDto>> Consent(DataStore store, string identity, ConsentRequest request, CancellationToken ct)
    {
        var consent = await store.RecordConsentAsync(identity, request.Granted, request.Purpose, request.EffectiveFrom, ct);
        return TypedResults.Created($"/api/v1/digitization/applicants/{identity}/consents", ConsentDto.From(consent));
    }

    private static async Task<Ok<IReadOnlyList<ConsentDto>>> Consents(DigitizationDbContext db, string identity, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ConsentDto>>(await db.Consents.AsNoTracking().Where(c => c.ApplicantIdentity == identity).OrderByDescending(c => c.Id).Take(200)
            .Select(c => new ConsentDto(c.CreatedAt, c.CreatedBy, c.Granted, c.Purpose, c.UnitPath, c.EffectiveFrom)).ToListAsync(ct));

    private static async Task<Ok<IReadOnlyList<AccessEntryDto>>> AccessLog(DigitizationDbContext db, string identity, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<AccessEntryDto>>(await db.AccessLog.AsNoTracking().Where(a => a.ApplicantIdentity == identity).OrderByDescending(a => a.Id).Take(500)
            .Select(a => new AccessEntryDto(a.CreatedAt, a.CreatedBy, a.Purpose, a.DocumentCount, a.UnitPath)).ToListAsync(ct));
}
