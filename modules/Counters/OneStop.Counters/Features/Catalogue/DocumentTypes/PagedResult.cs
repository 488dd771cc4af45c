namespace OneStop.Counters.Features.Catalogue.DocumentTypes;

/// <summary>One numbered page of a short list (1-based <paramref name="Page"/>), with the total for the pager.</summary>
internal sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}
