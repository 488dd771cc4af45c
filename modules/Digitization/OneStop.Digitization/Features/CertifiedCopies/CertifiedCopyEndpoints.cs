using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Platform.Domain;
using OneStop.Platform.Permissions;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Features.CertifiedCopies;

/// <summary>Sổ chứng thực bản sao and chứng thực bản sao điện tử từ bản chính (TTHC 2.000815) over the API.</summary>
internal static class CertifiedCopyEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/certified-copies", Certify).RequirePermission(DigitizationPermissions.Sign)
            .DisableAntiforgery() // API callers use bearer tokens or the SameSite cookie; the page posts through its own antiforgery-checked form
            .WithIdempotency()
            .WithSummary("Chứng thực bản sao điện tử từ bản chính tại UBND cấp xã (multipart: bản quét bản chính + thông tin): cấp số chứng thực, tính phí, ký số bằng chứng thư số của đơn vị");
        api.MapGet("/certified-copies", List).RequirePermission(DigitizationPermissions.Access)
            .WithSummary("Sổ chứng thực bản sao trong phạm vi, theo năm (phân trang)");
        api.MapGet("/certified-copies/{id:guid}", Get).RequirePermission(DigitizationPermissions.Access)
            .WithSummary("Một việc chứng thực trong sổ");
        api.MapGet("/certified-copies/officers", Officers).RequirePermission(DigitizationPermissions.Access)
            .WithSummary("Người thực hiện chứng thực của đơn vị (lãnh đạo UBND cấp xã)");
        api.MapGet("/certified-copies/fee", Fee).RequirePermission(DigitizationPermissions.Access)
            .WithSummary("Phí chứng thực bản sao theo số trang và số bản (Thông tư 226/2016/TT-BTC)");
        api.MapGet("/certified-copies/register.xlsx", Excel).RequirePermission(DigitizationPermissions.Access)
            .WithSummary("Sổ chứng thực bản sao của năm, tệp Excel");
        api.MapGet("/certified-copies/register.pdf", Pdf).RequirePermission(DigitizationPermissions.Access)
            .WithSummary("Sổ chứng thực bản sao của năm, bản in (PDF)");
    }

    private static async Task<Created<CertifiedCopyDto>> Certify(CertifyHandler handler, HttpContext http, [FromForm] CertifyForm form, CancellationToken ct)
    {
        // A multipart form: the body filter (.Validate<T>) sees no request object, so the form's request is checked here.
        var request = form.ToRequest();
        Validation.ThrowIfInvalid(http.RequestServices, request);
        if (form.File is null)
        {
            throw new UploadRejectedException(DigitizationErrorCodes.UploadRejected, DigitizationMessages.CertifySourceMissing, UploadRefusal.Empty);
        }

        await using var content = form.File.OpenReadStream();
        var r = http.Request;
        var dto = await handler.HandleAsync(request, form.File.FileName, content, $"{r.Scheme}://{r.Host}{r.PathBase}", ct);
        return TypedResults.Created($"/api/v1/digitization/certified-copies/{dto.Id}", dto);
    }

    private static async Task<Ok<CertifiedCopyPage>> List(CertifiedCopyQueries queries, TimeProvider clock, int? year, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(year ?? VietnamTime.Today(clock).Year, page, pageSize, ct));

    private static async Task<Results<Ok<CertifiedCopyDto>, ProblemHttpResult>> Get(CertifiedCopyQueries queries, Guid id, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : NotFound();

    private static async Task<Ok<IReadOnlyList<CertifyingOfficer>>> Officers(CertifiedCopyQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.OfficersAsync(ct));

    private static Results<Ok<CertificationFee>, ProblemHttpResult> Fee(int? pages, int? copies)
    {
        if (pages is not (>= 1 and <= CertifyRequest.MaxPages) || copies is not (>= 1 and <= CertifyRequest.MaxCopies))
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.ValidationFailed,
                OneStop.Platform.Localization.Messages.Text(DigitizationMessages.CertifyPagesInvalid), 400));
        }

        return TypedResults.Ok(new CertificationFee(pages.Value, copies.Value, CertificationFees.PerCopy(pages.Value), CertificationFees.For(pages.Value, copies.Value)));
    }

    private static async Task<FileContentHttpResult> Excel(CertifiedCopyQueries queries, TimeProvider clock, int? year, CancellationToken ct)
    {
        var file = await queries.ExcelAsync(year ?? VietnamTime.Today(clock).Year, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<FileContentHttpResult> Pdf(CertifiedCopyQueries queries, TimeProvider clock, int? year, CancellationToken ct)
    {
        var file = await queries.PdfAsync(year ?? VietnamTime.Today(clock).Year, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    internal static ProblemHttpResult NotFound() =>
        TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(DigitizationErrorCodes.CertifiedCopyNotFound, 404));
}

/// <summary>The fee of a certification: per copy and for all copies, in đồng.</summary>
internal sealed record CertificationFee(int Pages, int Copies, long PerCopyVnd, long TotalVnd);
