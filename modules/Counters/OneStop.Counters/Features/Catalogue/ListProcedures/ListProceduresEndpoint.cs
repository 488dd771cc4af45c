using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Catalogue.ListProcedures;

internal sealed record ProcedureSummaryDto(string Code, string Name, string Field, IReadOnlyList<string> Levels, bool FullyOnline, bool PostalAllowed, bool LocationIndependent);

/// <summary>
/// Danh mục TTHC: search (code or name, diacritics ignored), level and field filters, keyset pages ordered by code.
/// Procedures abolished by today are left out (intake does not offer them); <c>abolished=true</c> lists only those.
/// </summary>
internal static class ListProceduresEndpoint
{
    public static void Map(RouteGroupBuilder catalogue) =>
        catalogue.MapGet("/procedures", List).RequirePermission(CountersPermissions.CatalogueRead)
            .WithSummary("Danh mục thủ tục hành chính (tìm kiếm không phân biệt dấu, lọc theo cấp và lĩnh vực, phân trang keyset theo mã)");

    internal static async Task<Ok<KeysetPage<ProcedureSummaryDto>>> List(
        CountersDbContext db, TimeProvider clock, string? q, string? level, string? field, bool? abolished, string? cursor, int? pageSize, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<string>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        var today = OneStop.Platform.Domain.VietnamTime.Today(clock);
        var query = abolished == true
            ? db.Procedures.AsNoTracking().Where(p => p.AbolishedFrom != null && p.AbolishedFrom <= today)
            : db.Procedures.AsNoTracking().Where(p => p.AbolishedFrom == null || p.AbolishedFrom > today);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var folded = VietnameseText.Fold(q.Trim());
            query = query.Where(p => p.SearchText.Contains(folded));
        }

        query = ProcedureListFilter.Narrow(query, level, field, after);

        var rows = await query.OrderBy(p => p.Code).Take(size + 1).ToListAsync(ct);
        var listed = await LocationIndependence.LocationIndependence.ListedAmongAsync(db, rows.Select(p => p.Code).ToList(), today, ct);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, size, p => new ProcedureSummaryDto(p.Code, p.Name, p.Field, p.Levels.ToList(), p.FullyOnline, p.PostalAllowed, listed.Contains(p.Code)), r => r.Code));
    }

    /// <summary>Distinct fields (lĩnh vực), for the filter list.</summary>
    internal static async Task<List<string>> FieldsAsync(CountersDbContext db, CancellationToken ct) =>
        await db.Procedures.AsNoTracking().Select(p => p.Field).Where(f => f != "").Distinct().OrderBy(f => f).ToListAsync(ct);
}
