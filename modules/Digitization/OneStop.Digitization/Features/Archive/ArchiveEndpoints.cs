using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OneStop.Counters.Contracts;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Features.Archive;

internal sealed record ArchiveDto(Guid Id, Guid DossierId, string DossierCode, string ApplicantIdentity, DateTimeOffset ArchivedAt, int? RetentionYears,
    DateOnly? RetainUntil, int DocumentCount, string ManifestSha256, string ArchivedBy, string UnitPath)
{
    public static ArchiveDto From(ArchiveRecord a) =>
        new(a.Id, a.DossierId, a.DossierCode, a.ApplicantIdentity, a.ArchivedAt, a.RetentionYears, a.RetainUntil, a.DocumentCount, a.ManifestSha256, a.CreatedBy, a.UnitPath);
}

internal sealed record ArchiveRequest(int? RetentionYears);

internal sealed class ArchiveRequestValidator : AbstractValidator<ArchiveRequest>
{
    public ArchiveRequestValidator() =>
        RuleFor(r => r.RetentionYears).InclusiveBetween(1, 100).When(r => r.RetentionYears is not null).WithErrorCode(DigitizationMessages.RetentionOutOfRange);
}

/// <summary>
/// Lưu trữ điện tử: a resolved dossier with every document digitised for it is archived with a retention period
/// (<c>Digitization:Archive:RetentionYears</c>, default 20; 0 = permanent); from then on its documents and the archive
/// record are immutable (the context refuses changes). The manifest hash lists each document's id and SHA-256.
/// </summary>
internal sealed class ArchiveHandler(DigitizationDbContext db, IConfiguration configuration, TimeProvider clock)
{
    private static readonly string[] Scope = [Platform.Persistence.PlatformModelConventions.ScopeFilter];

    public async Task<ArchiveDto> ArchiveAsync(Guid dossierId, int? retentionYears, CancellationToken ct, bool scoped = false)
    {
        var dossiers = scoped ? db.Dossiers : db.Dossiers.IgnoreQueryFilters(Scope);
        var dossier = await dossiers.FirstOrDefaultAsync(d => d.Id == dossierId && !d.IsDeleted, ct)
            ?? throw new PlatformException(DigitizationErrorCodes.DossierNotFound, 404);
        if (dossier.ArchivedAt is not null)
        {
            throw new PlatformException(DigitizationErrorCodes.Archived, 409) { MessageCode = DigitizationMessages.DossierArchived };
        }

        if (dossier.Status is not (DossierStatuses.Resolved or DossierStatuses.Returned))
        {
            throw new PlatformException(DigitizationErrorCodes.NotSignable, 409) { MessageCode = DigitizationMessages.NotResolved };
        }

        var now = clock.GetUtcNow();
        var documents = await db.Documents.IgnoreQueryFilters(Scope).Where(d => d.DossierId == dossierId && !d.IsDeleted).OrderBy(d => d.Id).ToListAsync(ct);
        var manifest = string.Join("\n", documents.Select(d => $"{d.Id:N} {d.DigitizedCode} {d.BlobKey} {d.SignedBlobKey}"));
        var years = retentionYears ?? configuration.GetValue("Digitization:Archive:RetentionYears", 20);
        var record = new ArchiveRecord(dossier, years == 0 ? null : years, now, documents.Count, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest))));
        db.Archives.Add(record);
        foreach (var document in documents)
        {
            document.MarkArchived(record.Id, now);
        }

        dossier.ArchivedAt = now;
        await db.SaveChangesAsync(ct);
        return ArchiveDto.From(record);
    }
}

internal static class ArchiveEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/dossiers/{id:guid}/archive", Archive).RequirePermission(DigitizationPermissions.Archive)
            .Validate<ArchiveRequest>().WithIdempotency()
            .WithSummary("Lưu trữ hồ sơ đã có kết quả cùng các tài liệu số hóa; sau đó không thể thay đổi");
        api.MapGet("/archive", List).RequirePermission(DigitizationPermissions.Access)
            .WithSummary("Hồ sơ đã lưu trữ trong phạm vi, mới nhất trước");
    }

    private static async Task<Created<ArchiveDto>> Archive(ArchiveHandler handler, Guid id, ArchiveRequest request, CancellationToken ct)
    {
        var dto = await handler.ArchiveAsync(id, request.RetentionYears, ct, scoped: true);
        return TypedResults.Created($"/api/v1/digitization/archive?dossier={id}", dto);
    }

    private static async Task<Ok<KeysetPage<ArchiveDto>>> List(DigitizationDbContext db, string? cursor, int? pageSize, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<Guid?>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        var rows = await db.Archives.AsNoTracking().Where(a => after == null || a.Id < after).OrderByDescending(a => a.Id).Take(size + 1).ToListAsync(ct);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, size, ArchiveDto.From, a => (Guid?)a.Id));
    }
}
