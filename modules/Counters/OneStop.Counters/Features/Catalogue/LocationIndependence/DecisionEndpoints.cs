using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Counters.Contracts;
using OneStop.Platform.Permissions;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Catalogue.LocationIndependence;

/// <summary>
/// Location-independent decisions under <c>/catalogue/location-independent-decisions</c>, and the public list (procedures
/// a desk receives regardless of boundary on a day, with the decision that makes it so, and its signed PDF).
/// </summary>
internal static class DecisionEndpoints
{
    public static void Map(RouteGroupBuilder catalogue, IEndpointRouteBuilder api)
    {
        var decisions = catalogue.MapGroup("/location-independent-decisions");
        decisions.MapGet("/", List).RequirePermission(CountersPermissions.CatalogueRead)
            .WithSummary("Quyết định công bố danh mục TTHC tiếp nhận không phụ thuộc địa giới hành chính (on: ngày; inForce: chỉ quyết định còn hiệu lực)");
        decisions.MapGet("/{id:guid}", Get).RequirePermission(CountersPermissions.CatalogueRead)
            .WithSummary("Một quyết định: thủ tục, đơn vị áp dụng, hiệu lực");
        decisions.MapPost("/", Create).RequirePermission(CountersPermissions.CatalogueManage)
            .Validate<SaveDecisionRequest>().WithIdempotency()
            .WithSummary("Nhập một quyết định (số, ngày ký, người ký, hiệu lực, thủ tục, đơn vị áp dụng)");
        decisions.MapPut("/{id:guid}", Update).RequirePermission(CountersPermissions.CatalogueManage)
            .Validate<SaveDecisionRequest>()
            .WithSummary("Sửa bản ghi quyết định, ghi ngày hết hiệu lực khi bị thay thế");
        decisions.MapDelete("/{id:guid}", Delete).RequirePermission(CountersPermissions.CatalogueManage)
            .WithSummary("Xóa bản ghi nhập nhầm (quyết định bị thay thế thì ghi ngày hết hiệu lực)");
        decisions.MapPut("/{id:guid}/signed-pdf", AttachPdf).RequirePermission(CountersPermissions.CatalogueManage)
            .DisableAntiforgery() // API callers use bearer tokens or the SameSite cookie; the page posts through its own antiforgery-checked form
            .WithSummary("Tải lên bản PDF quyết định đã ký (multipart: file; tối đa 20 MB)");

        var open = api.MapGroup("/public").AllowAnonymous().WithTags("Tra cứu công khai");
        open.MapGet("/location-independent-decisions", PublicList)
            .WithSummary("Danh mục TTHC tiếp nhận không phụ thuộc địa giới hành chính đang có hiệu lực, theo quyết định (on: ngày)");
        open.MapGet("/location-independent-decisions/{id:guid}/signed-pdf", DownloadPdf)
            .WithSummary("Bản PDF quyết định đã ký");
    }

    private static async Task<Ok<IReadOnlyList<DecisionDto>>> List(DecisionRegistry registry, DateOnly? on, bool? inForce, CancellationToken ct) =>
        TypedResults.Ok(await registry.ListAsync(on, inForce ?? false, ct));

    private static async Task<Ok<IReadOnlyList<DecisionDto>>> PublicList(DecisionRegistry registry, DateOnly? on, CancellationToken ct) =>
        TypedResults.Ok(await registry.ListAsync(on, inForceOnly: true, ct));

    private static async Task<Results<Ok<DecisionDto>, ProblemHttpResult>> Get(DecisionRegistry registry, Guid id, DateOnly? on, CancellationToken ct) =>
        await registry.GetAsync(id, on, ct) is { } dto ? TypedResults.Ok(dto) : NotFound();

    private static async Task<Created<DecisionDto>> Create(DecisionRegistry registry, SaveDecisionRequest request, CancellationToken ct)
    {
        var dto = await registry.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/counters/catalogue/location-independent-decisions/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<DecisionDto>, ProblemHttpResult>> Update(DecisionRegistry registry, Guid id, SaveDecisionRequest request, CancellationToken ct) =>
        await registry.UpdateAsync(id, request, ct) is { } dto ? TypedResults.Ok(dto) : NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(DecisionRegistry registry, Guid id, CancellationToken ct) =>
        await registry.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound();

    private static async Task<Results<Ok<DecisionDto>, ProblemHttpResult>> AttachPdf(DecisionRegistry registry, Guid id, IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            return CountersProblems.Problem(CountersErrorCodes.DecisionInvalid, StatusCodes.Status400BadRequest, CountersMessages.DecisionPdfRequired);
        }

        await using var content = file.OpenReadStream();
        return await registry.AttachSignedPdfAsync(id, file.FileName, content, ct) is { } dto ? TypedResults.Ok(dto) : NotFound();
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadPdf(DecisionRegistry registry, Guid id, CancellationToken ct) =>
        await registry.OpenSignedPdfAsync(id, ct) is { } pdf ? TypedResults.File(pdf.Content, FileTypes.Pdf, pdf.FileName) : NotFound();

    private static ProblemHttpResult NotFound() => CountersProblems.NotFound(CountersErrorCodes.DecisionNotFound);
}
