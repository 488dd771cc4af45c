namespace OneStop.Platform;

/// <summary>One page of a keyset-paginated list: pass <see cref="NextCursor"/> back as <c>cursor</c> for the next page.</summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, string? NextCursor);
