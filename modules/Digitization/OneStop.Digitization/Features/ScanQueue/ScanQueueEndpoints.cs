using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Features.ScanQueue;

internal sealed record ScanQueueItemDto(Guid Id, Guid DossierId, string DossierCode, string ProcedureCode, string ApplicantName, string Kind, string Name,
    string DocumentTypeCode, string Status, Guid? DocumentId, DateTimeOffset QueuedAt, string UnitPath)
{
    public static ScanQueueItemDto From(ScanQueueItem q) =>
        new(q.Id, q.DossierId, q.DossierCode, q.ProcedureCode, q.ApplicantName, q.Kind, q.Name, q.DocumentTypeCode, q.Status, q.DocumentId, q.CreatedAt, q.UnitPath);
}

/// <summary>Hàng đợi số hóa of the acting unit's desks (and, for a district or the province, of the units below), oldest first.</summary>
internal sealed class ScanQueueQueries(DigitizationDbContext db)
{
    public async Task<KeysetPage<ScanQueueItemDto>> ListAsync(string? status, string? cursor, int? pageSize, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<Guid?>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        var wanted = string.IsNullOrEmpty(status) ? QueueStatuses.Pending : status;
        var rows = await db.ScanQueue.AsNoTracking().Where(q => q.Status == wanted && (after == null || q.Id > after))
            .OrderBy(q => q.Id).Take(size + 1).ToListAsync(ct);
        return KeysetCursor.ToPage(rows, size, ScanQueueItemDto.From, q => (Guid?)q.Id);
    }

    public async Task<ScanQueueItemDto?> GetAsync(Guid id, CancellationToken ct) =>
        await db.ScanQueue.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, ct) is { } q ? ScanQueueItemDto.From(q) : null;
}

internal static class ScanQueueEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/scan-queue", List).RequirePermission(DigitizationPermissions.Access)
            .WithSummary("Hàng đợi số hóa (PENDING mặc định; DONE, CANCELLED), cũ nhất trước");
        api.MapGet("/scan-queue/{id:guid}", Get).RequirePermission(DigitizationPermissions.Access)
            .WithSummary("Một mục của hàng đợi số hóa");
    }

    private static async Task<Ok<KeysetPage<ScanQueueItemDto>>> List(ScanQueueQueries queries, string? status, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(status, cursor, pageSize, ct));

    private static async Task<Results<Ok<ScanQueueItemDto>, ProblemHttpResult>> Get(ScanQueueQueries queries, Guid id, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } dto
            ? TypedResults.Ok(dto)
            : TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(DigitizationErrorCodes.QueueItemNotFound, 404));
}
