using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Catalogue.ImportCatalogue;

/// <summary>
/// Nhập danh mục TTHC: <c>POST /catalogue/import/preview</c> (multipart: <c>file</c>, or <c>shipped=true</c> for the file
/// shipped with the product; <c>effectiveFrom</c>; query <c>kind</c>, <c>page</c>, <c>pageSize</c>) checks and stores the
/// file and returns the differences, writing no procedure; <c>POST /catalogue/import/apply</c> applies it.
/// </summary>
internal static class CatalogueImportEndpoints
{
    public static void Map(RouteGroupBuilder catalogue)
    {
        catalogue.MapPost("/import/preview", Preview).RequirePermission(CountersPermissions.CatalogueManage)
            .DisableAntiforgery() // bearer clients; the page posts through its own antiforgery-checked form
            .WithSummary("Xem trước tệp danh mục TTHC: thủ tục mới, thay đổi, bãi bỏ (chưa ghi gì)");
        catalogue.MapPost("/import/apply", Apply).RequirePermission(CountersPermissions.CatalogueManage)
            .Validate<ApplyCatalogueImportRequest>()
            .WithSummary("Áp dụng tệp danh mục đã xem trước: phiên bản mới có hiệu lực từ một ngày (nhập lại cùng tệp không thay đổi gì)");
    }

    internal static async Task<Results<Ok<CatalogueImportPreview>, ProblemHttpResult>> Preview(
        CatalogueImport import, HttpContext http, string? kind, int? page, int? pageSize, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return CountersProblems.Problem(CountersErrorCodes.CatalogueFileInvalid, StatusCodes.Status400BadRequest, CountersMessages.CatalogueImportFileMissing);
        }

        var form = await http.Request.ReadFormAsync(ct);
        var effectiveFrom = import.Today;
        if (form["effectiveFrom"].ToString() is { Length: > 0 } date
            && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out effectiveFrom))
        {
            return CountersProblems.Problem(CountersErrorCodes.CatalogueFileInvalid, StatusCodes.Status400BadRequest, CountersMessages.CatalogueImportEffectiveFromRequired);
        }

        string fileId, fileName;
        if (string.Equals(form["shipped"], "true", StringComparison.OrdinalIgnoreCase))
        {
            fileId = await import.StageShippedAsync(ct);
            fileName = CountersSeeder.ShippedFileName;
        }
        else if ((form.Files.GetFile("file") ?? form.Files.FirstOrDefault()) is { } file)
        {
            await using var stream = file.OpenReadStream();
            fileId = await import.StageAsync(stream, ct);
            fileName = Path.GetFileName(file.FileName);
        }
        else
        {
            return CountersProblems.Problem(CountersErrorCodes.CatalogueFileInvalid, StatusCodes.Status400BadRequest, CountersMessages.CatalogueImportFileMissing);
        }

        kind = CatalogueChangeKinds.All.Contains(kind) ? kind : null;
        return TypedResults.Ok(await import.PreviewAsync(fileId, fileName, effectiveFrom, kind, page ?? 1, pageSize ?? CatalogueImport.DefaultPageSize, ct));
    }

    internal static async Task<Ok<CatalogueImportResult>> Apply(CatalogueImport import, ApplyCatalogueImportRequest request, CancellationToken ct) =>
        TypedResults.Ok(await import.ApplyAsync(request.FileId!.Trim().ToLowerInvariant(), string.IsNullOrWhiteSpace(request.FileName) ? "catalogue.csv" : request.FileName.Trim(),
            request.EffectiveFrom!.Value, ct));
}
