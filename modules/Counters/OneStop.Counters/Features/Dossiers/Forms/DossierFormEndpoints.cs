using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Counters.Contracts;
using OneStop.Platform.Documents;
using OneStop.Platform.Permissions;

namespace OneStop.Counters.Features.Dossiers.Forms;

/// <summary>
/// Biểu mẫu in: <c>GET /api/v1/counters/dossiers/{id}/forms/{form}</c> (A5 PDF of the rule set in force on the
/// reception date) and the register <c>GET /api/v1/counters/dossiers/register</c> (A4 landscape PDF, or Excel).
/// </summary>
internal static class DossierFormEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/dossiers").WithTags("Biểu mẫu hồ sơ");
        g.MapGet("/{id:guid}/forms/{form}", Form).RequirePermission(CountersPermissions.DossiersRead)
            .WithSummary("In biểu mẫu của hồ sơ (receipt, supplement-request, refusal, apology, control-sheet, stop-notice) theo Thông tư 01/2018 hoặc 03/2025")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapGet("/register", Register).RequirePermission(CountersPermissions.DossiersRead)
            .WithSummary("Sổ theo dõi hồ sơ tiếp nhận trong khoảng thời gian (PDF khổ A4 ngang)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesValidationProblem();
        g.MapGet("/register/export", RegisterExcel).RequirePermission(CountersPermissions.DossiersRead)
            .WithSummary("Sổ theo dõi hồ sơ dạng Excel")
            .Produces(StatusCodes.Status200OK, contentType: ExcelWorkbook.ContentType).ProducesValidationProblem();
    }

    internal static async Task<FileContentHttpResult> Form(Guid id, string form, Guid? letterId, DossierForms forms, CancellationToken ct) =>
        File(await forms.RenderAsync(id, form, letterId, ct));

    internal static async Task<FileContentHttpResult> Register(DateOnly? from, DateOnly? to, DossierRegister register, CancellationToken ct) =>
        File(await register.PdfAsync(from, to, ct));

    internal static async Task<FileContentHttpResult> RegisterExcel(DateOnly? from, DateOnly? to, DossierRegister register, CancellationToken ct) =>
        File(await register.ExcelAsync(from, to, ct));

    internal static FileContentHttpResult File(RenderedForm rendered) =>
        TypedResults.File(rendered.Content, rendered.ContentType, rendered.FileName);
}
