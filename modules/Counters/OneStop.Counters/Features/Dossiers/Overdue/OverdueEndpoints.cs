using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Dossiers.Forms;
using OneStop.Platform;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Dossiers.Overdue;

/// <summary>Mẫu 04 drafts under <c>/api/v1/counters/apology-letters</c>: list in scope, issue (extends the dossier).</summary>
internal static class OverdueEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/apology-letters").WithTags("Hồ sơ quá hạn");
        g.MapGet("/", List).RequirePermission(CountersPermissions.DossiersRead)
            .WithSummary("Văn bản xin lỗi, hẹn lại ngày trả kết quả (Mẫu 04) trong phạm vi; lọc status=pending|issued");
        g.MapPost("/{id:guid}/issue", Issue).RequirePermission(CountersPermissions.DossiersProcess).Validate<IssueApologyRequest>()
            .WithSummary("Phát hành văn bản xin lỗi: gia hạn hồ sơ đến ngày hẹn mới, có lý do")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Ok<KeysetPage<ApologyLetterDto>>> List(ApologyLetters letters, string? status, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await letters.ListAsync(status, cursor, pageSize, ct));

    internal static async Task<Ok<ApologyLetterDto>> Issue(Guid id, IssueApologyRequest request, ApologyLetters letters, CancellationToken ct) =>
        TypedResults.Ok(await letters.IssueAsync(id, request, ct));
}

internal static class DossierOverdueServiceCollectionExtensions
{
    /// <summary>The overdue scan, Mẫu 04 letters, and the printed forms and register of dossiers.</summary>
    public static IServiceCollection AddDossierOverdue(this IServiceCollection services)
    {
        services.AddScoped<OverdueScanner>();
        services.AddScoped<ApologyLetters>();
        services.AddScoped<DossierForms>();
        services.AddScoped<DossierRegister>();
        return services;
    }
}
