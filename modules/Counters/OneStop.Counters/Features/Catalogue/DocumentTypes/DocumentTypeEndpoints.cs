using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Counters.Contracts;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Catalogue.DocumentTypes;

/// <summary>
/// The code list of document types under <c>/catalogue/document-types</c>: read with Catalogue.Read, changed with
/// Catalogue.Manage. Refusals (unknown code 404, code taken or already retired 409, bad input 400) are ProblemDetails
/// in the reader's language, raised by the registry.
/// </summary>
internal static class DocumentTypeEndpoints
{
    public const string Path = "/api/v1/counters/catalogue/document-types";

    public static void Map(RouteGroupBuilder catalogue)
    {
        var types = catalogue.MapGroup("/document-types");
        types.MapGet("/", List).RequirePermission(CountersPermissions.CatalogueRead)
            .WithSummary("Danh mục mã loại giấy tờ (q: tìm theo mã hoặc tên, không phân biệt dấu; includeRetired: cả mã đã ngừng sử dụng; page, pageSize)");
        types.MapPost("/", Add).RequirePermission(CountersPermissions.CatalogueManage)
            .Validate<AddDocumentTypeRequest>().WithIdempotency()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Thêm mã loại giấy tờ (mã: chữ in hoa không dấu, chữ số, '.', '-'; tên)");
        types.MapPut("/{code}", Rename).RequirePermission(CountersPermissions.CatalogueManage)
            .Validate<RenameDocumentTypeRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Đổi tên loại giấy tờ (mã giữ nguyên)");
        types.MapPost("/{code}/retire", Retire).RequirePermission(CountersPermissions.CatalogueManage)
            .Validate<RetireDocumentTypeRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Ngừng sử dụng mã loại giấy tờ từ ngày (retiredFrom; để trống: hôm nay)");
        types.MapPost("/{code}/restore", Restore).RequirePermission(CountersPermissions.CatalogueManage)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Sử dụng lại mã loại giấy tờ đã ngừng");
    }

    private static async Task<Ok<PagedResult<DocumentTypeDto>>> List(
        DocumentTypeRegistry registry, string? q, bool? includeRetired, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await registry.ListAsync(q, includeRetired ?? false, page ?? 1, pageSize ?? DocumentTypeRegistry.DefaultPageSize, ct));

    private static async Task<Created<DocumentTypeDto>> Add(DocumentTypeRegistry registry, AddDocumentTypeRequest request, CancellationToken ct)
    {
        var dto = await registry.AddAsync(request, ct);
        return TypedResults.Created($"{Path}/{Uri.EscapeDataString(dto.Code)}", dto);
    }

    private static async Task<Ok<DocumentTypeDto>> Rename(DocumentTypeRegistry registry, string code, RenameDocumentTypeRequest request, CancellationToken ct) =>
        TypedResults.Ok(await registry.RenameAsync(code, request, ct));

    private static async Task<Ok<DocumentTypeDto>> Retire(DocumentTypeRegistry registry, string code, RetireDocumentTypeRequest request, CancellationToken ct) =>
        TypedResults.Ok(await registry.RetireAsync(code, request, ct));

    private static async Task<Ok<DocumentTypeDto>> Restore(DocumentTypeRegistry registry, string code, CancellationToken ct) =>
        TypedResults.Ok(await registry.RestoreAsync(code, ct));
}
