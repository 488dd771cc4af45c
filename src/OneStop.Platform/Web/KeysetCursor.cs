using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace OneStop.Platform.Web;

/// <summary>
/// Opaque cursor for keyset pagination: the sort key of the last row of a page, serialised and base64url-encoded.
/// Clients pass it back untouched; a tampered cursor is a 400 with code Platform.InvalidCursor.
/// </summary>
public static class KeysetCursor
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static string Encode<T>(T key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(key)));

    public static T? Decode<T>(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new PlatformException(PlatformErrorCodes.InvalidCursor, 400);
        }
    }

    public static int ClampPageSize(int? requested) => Math.Clamp(requested ?? DefaultPageSize, 1, MaxPageSize);

    /// <summary>
    /// A page from rows fetched with <c>Take(size + 1)</c>: the extra row only tells that a next page exists, and the
    /// cursor is the sort key of the last row shown.
    /// </summary>
    public static KeysetPage<T> ToPage<T, TKey>(IReadOnlyList<T> rows, int size, Func<T, TKey> keyOf) => ToPage(rows, size, r => r, keyOf);

    /// <inheritdoc cref="ToPage{T,TKey}(IReadOnlyList{T},int,Func{T,TKey})"/>
    public static KeysetPage<T> ToPage<TRow, T, TKey>(IReadOnlyList<TRow> rows, int size, Func<TRow, T> map, Func<TRow, TKey> keyOf) =>
        new(rows.Take(size).Select(map).ToList(), rows.Count > size ? Encode(keyOf(rows[size - 1])) : null);
}
