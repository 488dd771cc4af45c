using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Auditing;

public sealed record AuditChainReport(string Schema, bool IsIntact, long RecordsChecked, long? FirstBrokenRecordId, string? Reason);

internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/audit/verify", Verify).WithTags("Nhật ký").RequirePermission(PlatformPermissions.AuditRead)
            .WithSummary("Kiểm tra tính toàn vẹn chuỗi băm của nhật ký mọi phân hệ");
    }

    internal static async Task<Ok<List<AuditChainReport>>> Verify(HttpContext http, IEnumerable<DbContextRegistration> contexts, CancellationToken ct)
    {
        var reports = new List<AuditChainReport>();
        foreach (var registration in contexts)
        {
            var db = (DbContext)http.RequestServices.GetRequiredService(registration.ContextType);
            var result = await AuditChainVerifier.VerifyAsync(db, ct);
            reports.Add(new(registration.Schema, result.IsIntact, result.RecordsChecked, result.FirstBrokenRecordId, result.Reason));
        }

        return TypedResults.Ok(reports);
    }
}
