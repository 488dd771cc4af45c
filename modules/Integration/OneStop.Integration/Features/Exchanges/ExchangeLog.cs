using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Integration.Connectors;
using OneStop.Integration.Contracts;
using OneStop.Integration.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Integration.Features.Exchanges;

internal sealed record ExchangeDto(Guid Id, string System, string Operation, DateTimeOffset RequestedAt, int DurationMs, int? StatusCode,
    bool Succeeded, string RequestDigest, string? ResponseDigest, string? Error, string ActorName, string UnitPath);

/// <summary>The exchange log (nhật ký trao đổi dữ liệu): newest first, keyset-paginated, exportable as CSV for an inspection.</summary>
internal static class ExchangeLog
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/exchanges", List).RequirePermission(IntegrationPermissions.ExchangesRead)
            .WithSummary("Nhật ký trao đổi dữ liệu với các hệ thống quốc gia (mới nhất trước)");
        api.MapGet("/exchanges/export", Export).RequirePermission(IntegrationPermissions.ExchangesRead)
            .WithSummary("Xuất nhật ký trao đổi dữ liệu (CSV, UTF-8) phục vụ thanh tra, kiểm tra");
    }

    internal static async Task<Ok<KeysetPage<ExchangeDto>>> List(IntegrationDbContext db, string? system, string? cursor, int? pageSize, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<Guid?>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        var query = Filter(db, system);
        if (after is { } last)
        {
            // Version-7 ids sort by time: "older than the last row shown".
            query = query.Where(r => r.Id.CompareTo(last) < 0);
        }

        var rows = await query.OrderByDescending(r => r.Id).Take(size + 1).Select(r => ToDto(r)).ToListAsync(ct);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, size, r => (Guid?)r.Id));
    }

    internal static async Task<FileContentHttpResult> Export(IntegrationDbContext db, IPeopleDirectory people, string? system, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var query = Filter(db, system);
        if (from is { } f)
        {
            var start = OneStop.Platform.Domain.VietnamTime.StartOfDay(f); // UTC: PostgreSQL takes only UTC for timestamptz
            query = query.Where(r => r.RequestedAt >= start);
        }

        if (to is { } t)
        {
            var end = OneStop.Platform.Domain.VietnamTime.StartOfDay(t.AddDays(1));
            query = query.Where(r => r.RequestedAt < end);
        }

        // People by full name, looked up once; an API client's id (no person has it) stays as it is.
        var names = await people.NamesAsync(await query.Select(r => r.ActorName).Distinct().ToListAsync(ct), ct);
        var csv = new StringBuilder("Mã,Hệ thống,Thao tác,Thời điểm (UTC),Thời gian xử lý (ms),Mã trạng thái,Thành công,Băm yêu cầu (SHA-256),Băm phản hồi (SHA-256),Lỗi,Người thực hiện,Đơn vị\n");
        await foreach (var r in query.OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.AppendJoin(',', r.Id, r.System, Quote(r.Operation), r.RequestedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), r.DurationMs,
                r.StatusCode, r.Succeeded ? "có" : "không", r.RequestDigest, r.ResponseDigest, Quote(r.Error), Quote(names.Name(r.ActorName)), r.UnitPath).Append('\n');
        }

        // UTF-8 with BOM so Excel shows Vietnamese correctly.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"nhat-ky-trao-doi-{DateTime.UtcNow:yyyyMMdd}.csv");
    }

    private static IQueryable<ExchangeRecord> Filter(IntegrationDbContext db, string? system)
    {
        var query = db.ExchangeRecords.AsNoTracking();
        return string.IsNullOrEmpty(system) ? query : query.Where(r => r.System == system);
    }

    private static ExchangeDto ToDto(ExchangeRecord r) =>
        new(r.Id, r.System, r.Operation, r.RequestedAt, r.DurationMs, r.StatusCode, r.Succeeded, r.RequestDigest, r.ResponseDigest, r.Error, r.ActorName, r.UnitPath);

    private static string Quote(string? value) => value is null ? "" : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
