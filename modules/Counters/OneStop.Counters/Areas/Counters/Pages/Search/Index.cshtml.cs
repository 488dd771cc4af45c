using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Primitives;
using OneStop.Counters.Features.Search;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Counters.Pages.Search;

/// <summary>Kết quả tra cứu hồ sơ: facets on the left (click to filter), results with keyset pages, sort by relevance or due date.</summary>
[Permission(DossierSearchPermissions.Search)]
internal sealed class IndexModel(DossierSearchHandler handler, IPermissionChecker permissions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string[] Status { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string[] Procedure { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string[] Channel { get; set; } = [];
    [BindProperty(SupportsGet = true)] public bool? Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? ReceivedFrom { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? ReceivedTo { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public DossierSearchResponse? Results { get; private set; }
    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = await permissions.IsGrantedAsync(User, DossierSearchPermissions.Manage);
        var request = new DossierSearchRequest
        {
            Q = Q, Status = Status, Procedure = Procedure, Channel = Channel, Overdue = Overdue,
            ReceivedFrom = ReceivedFrom, ReceivedTo = ReceivedTo, Sort = string.IsNullOrEmpty(Sort) ? null : Sort, Cursor = Cursor, PageSize = 20,
        };
        Errors = Validation.Failures(HttpContext.RequestServices, request).ToList();
        if (Errors.Count == 0)
        {
            Results = await handler.SearchAsync(request, ct);
        }
    }

    public bool IsSelected(string facet, string value) => Values(facet).Contains(value);

    /// <summary>This search with one facet value switched on or off (back to the first page).</summary>
    public string Toggle(string facet, string value)
    {
        var query = Current();
        if (facet == DossierSearchIndex.Overdue)
        {
            query[facet] = IsSelected(facet, value) ? StringValues.Empty : new StringValues(value);
        }
        else
        {
            var values = Values(facet);
            query[facet] = values.Contains(value) ? values.Where(v => v != value).ToArray() : values.Append(value).ToArray();
        }

        return Link(query);
    }

    public string Next() => Link(Current(keepCursor: true), Results?.NextCursor);

    public string FirstPage() => Link(Current());

    private string[] Values(string facet) => facet switch
    {
        DossierSearchIndex.Status => Status,
        DossierSearchIndex.Procedure => Procedure,
        DossierSearchIndex.Channel => Channel,
        DossierSearchIndex.Overdue => Overdue is { } o ? [o ? "true" : "false"] : [],
        _ => [],
    };

    private Dictionary<string, StringValues> Current(bool keepCursor = false)
    {
        var query = Request.Query.Where(kv => kv.Key != "cursor" || keepCursor).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        query.Remove("cursor");
        return query;
    }

    private string Link(Dictionary<string, StringValues> query, string? cursor = null)
    {
        var builder = new QueryBuilder();
        foreach (var (key, values) in query)
        {
            foreach (var value in values.Where(v => !string.IsNullOrEmpty(v)))
            {
                builder.Add(key, value!);
            }
        }

        if (cursor is not null)
        {
            builder.Add("cursor", cursor);
        }

        return Request.PathBase + Request.Path + builder.ToQueryString();
    }
}
