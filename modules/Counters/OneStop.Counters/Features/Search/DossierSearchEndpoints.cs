using FluentValidation;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Counters.Contracts;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Search;
using OneStop.Platform.Web;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Features.Search;

/// <summary>
/// Tra cứu hồ sơ: free text (with or without diacritics), exact codes, filters, facets, sort, keyset pages. Dates are
/// Vietnam calendar days, both ends included.
/// </summary>
internal sealed record DossierSearchRequest
{
    /// <summary>Words, a dossier code, a CCCD or enterprise code, a procedure code.</summary>
    public string? Q { get; init; }
    public string[]? Status { get; init; }
    public string[]? Procedure { get; init; }
    public string[]? Channel { get; init; }
    public bool? Overdue { get; init; }
    public DateOnly? ReceivedFrom { get; init; }
    public DateOnly? ReceivedTo { get; init; }
    public DateOnly? DueFrom { get; init; }
    public DateOnly? DueTo { get; init; }

    /// <summary><c>relevance</c> (default), <c>due</c> (soonest first), <c>-due</c>, <c>received</c>, <c>-received</c> (newest first).</summary>
    public string? Sort { get; init; }
    public string? Cursor { get; init; }
    public int? PageSize { get; init; }

    public const int MaxTextLength = 200;
    public static readonly string[] Sorts = ["relevance", "due", "-due", "received", "-received"];
}

internal sealed class DossierSearchRequestValidator : AbstractValidator<DossierSearchRequest>
{
    public DossierSearchRequestValidator()
    {
        RuleFor(r => r.Q).MaximumLength(DossierSearchRequest.MaxTextLength).WithErrorCode(CountersMessages.SearchTextTooLong);
        RuleFor(r => r.Sort).Must(s => s is null || DossierSearchRequest.Sorts.Contains(s)).WithErrorCode(CountersMessages.SearchSortInvalid);
        RuleFor(r => r.Status).Must((_, values, context) => AllKnown(values, DossierStatuses.All, context)).WithErrorCode(CountersMessages.SearchStatusInvalid);
        RuleFor(r => r.Channel).Must((_, values, context) => AllKnown(values, DossierChannels.All, context)).WithErrorCode(CountersMessages.SearchChannelInvalid);
        RuleFor(r => r.ReceivedTo).Must((r, to) => !(r.ReceivedFrom > to)).WithErrorCode(CountersMessages.SearchReceivedRange);
        RuleFor(r => r.DueTo).Must((r, to) => !(r.DueFrom > to)).WithErrorCode(CountersMessages.SearchDueRange);
    }

    /// <summary>Every value is known; the first unknown one is named in the message ({Value}).</summary>
    private static bool AllKnown(string[]? values, string[] known, ValidationContext<DossierSearchRequest> context)
    {
        if (values?.FirstOrDefault(v => !known.Contains(v)) is { } unknown)
        {
            context.MessageFormatter.AppendArgument("Value", unknown);
            return false;
        }

        return true;
    }
}

internal sealed record DossierSearchResponse(
    long Total,
    IReadOnlyList<DossierSearchItem> Items,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    string? NextCursor);

/// <summary>Runs a search in the caller's scope; the API and the results page share it.</summary>
internal sealed class DossierSearchHandler(ISearchEngine engine, ICurrentScope scope)
{
    public static readonly string[] FacetFields =
        [DossierSearchIndex.Status, DossierSearchIndex.Channel, DossierSearchIndex.Procedure, DossierSearchIndex.Overdue, DossierSearchIndex.ApplicantKind];


    private sealed record Cursor(string Sort, string After);

    public async Task<DossierSearchResponse> SearchAsync(DossierSearchRequest request, CancellationToken ct)
    {
        var sortName = request.Sort ?? "relevance";
        var after = KeysetCursor.Decode<Cursor>(request.Cursor);
        if (after is not null && after.Sort != sortName)
        {
            throw new PlatformException(PlatformErrorCodes.InvalidCursor, 400) { MessageCode = CountersMessages.SearchCursorSortMismatch };
        }

        var filters = new Dictionary<string, string[]>();
        Add(DossierSearchIndex.Status, request.Status);
        Add(DossierSearchIndex.Procedure, request.Procedure);
        Add(DossierSearchIndex.Channel, request.Channel);
        if (request.Overdue is { } overdue)
        {
            filters[DossierSearchIndex.Overdue] = [overdue ? "true" : "false"];
        }

        var size = KeysetCursor.ClampPageSize(request.PageSize);
        var query = new SearchQuery
        {
            Text = request.Q,
            Filters = filters,
            DateRanges =
            [
                new(DossierSearchIndex.ReceivedAt, Start(request.ReceivedFrom), Start(request.ReceivedTo?.AddDays(1))),
                new(DossierSearchIndex.DueAt, Start(request.DueFrom), Start(request.DueTo?.AddDays(1))),
            ],
            Facets = FacetFields,
            Sort = sortName switch
            {
                "due" => new SearchSort(DossierSearchIndex.DueAt),
                "-due" => new SearchSort(DossierSearchIndex.DueAt, Descending: true),
                "received" => new SearchSort(DossierSearchIndex.ReceivedAt),
                "-received" => new SearchSort(DossierSearchIndex.ReceivedAt, Descending: true),
                _ => SearchSort.Relevance,
            },
            Size = size,
            After = after?.After,
        };

        // The scope goes into the engine's query: nothing outside it is ever read, counted or returned.
        var results = await engine.SearchAsync(DossierSearchIndex.Definition, scope.Unit, query, ct);
        return new DossierSearchResponse(
            results.Total,
            results.Hits.Select(DossierSearchIndex.ReadItem).ToList(),
            results.Facets,
            results.NextAfter is { } next ? KeysetCursor.Encode(new Cursor(sortName, next)) : null);

        void Add(string field, string[]? values)
        {
            var clean = values?.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct().ToArray();
            if (clean is { Length: > 0 })
            {
                filters[field] = clean;
            }
        }
    }

    private static DateTimeOffset? Start(DateOnly? day) => day is { } d ? OneStop.Platform.Domain.VietnamTime.StartOf(d) : null;
}

internal static class DossierSearchEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/dossiers/search").WithTags("Tra cứu hồ sơ");
        group.MapGet("", Search).RequirePermission(DossierSearchPermissions.Search).Validate<DossierSearchRequest>()
            .WithSummary("Tra cứu hồ sơ trong phạm vi đơn vị: từ khóa có hoặc không dấu, mã hồ sơ, số CCCD/mã doanh nghiệp, bộ lọc, thống kê theo nhóm, phân trang keyset")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/index", Status).RequirePermission(DossierSearchPermissions.Manage)
            .WithSummary("Trạng thái chỉ mục tìm kiếm hồ sơ: phiên bản đang dùng, số hồ sơ, tiến độ lập lại chỉ mục");
        group.MapPost("/reindex", Reindex).RequirePermission(DossierSearchPermissions.Manage)
            .WithSummary("Lập lại toàn bộ chỉ mục (tác vụ nền; tiếp tục từ chỗ dừng nếu lần trước bị gián đoạn; chuyển phiên bản không gián đoạn tìm kiếm)");
    }

    internal static async Task<Ok<DossierSearchResponse>> Search([AsParameters] DossierSearchRequest request, DossierSearchHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.SearchAsync(request, ct));

    internal static async Task<Ok<SearchIndexStatus>> Status(ISearchEngine engine, CancellationToken ct) =>
        TypedResults.Ok(await engine.GetStatusAsync(DossierSearchIndex.Definition, ct));

    internal sealed record ReindexAccepted(string JobId);

    internal static Accepted<ReindexAccepted> Reindex(IBackgroundJobClient jobs) =>
        TypedResults.Accepted("/api/v1/counters/dossiers/search/index", new ReindexAccepted(EnqueueReindex(jobs)));

    public static string EnqueueReindex(IBackgroundJobClient jobs) => jobs.Enqueue<DossierReindexJob>(j => j.RunAsync(CancellationToken.None));
}
