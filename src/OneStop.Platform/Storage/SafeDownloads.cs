using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OneStop.Platform.Storage;

/// <summary>
/// Every file a response carries is a download (ADR 0033): whatever a page or an endpoint wrote, a response with a
/// <c>Content-Disposition</c> leaves with <c>attachment</c>, the name sanitised (no path, quotes, control characters or
/// separators; at most <see cref="MaxNameLength"/> characters) in an ASCII <c>filename</c> and the UTF-8
/// <c>filename*</c> of RFC 6266, and <c>X-Content-Type-Options: nosniff</c>, so a browser never renders an uploaded
/// file as a page of this site. Applied once in the pipeline (<see cref="FileSafetyApplicationBuilderExtensions"/>),
/// so no endpoint can forget it.
/// </summary>
public static class SafeDownloads
{
    public const int MaxNameLength = 150;
    public const string FallbackName = "tep-tai-ve";

    /// <summary>The header value for a download named <paramref name="fileName"/>.</summary>
    public static string ContentDisposition(string? fileName)
    {
        var name = Sanitise(fileName);
        var header = new ContentDispositionHeaderValue("attachment") { FileName = Ascii(name) };
        header.SetHttpFileName(name); // filename* (UTF-8, percent-encoded) and an ASCII filename
        header.FileName = Ascii(name);
        return header.ToString();
    }

    /// <summary>A display name only: the last path segment, without control characters, quotes or separators; never empty.</summary>
    public static string Sanitise(string? fileName)
    {
        var last = (fileName ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var builder = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsControl(c) || c is '"' or ';' or ':' or '*' or '?' or '<' or '>' or '|' || char.GetUnicodeCategory(c) is UnicodeCategory.Format ? '_' : c);
        }

        var name = builder.ToString().Trim().TrimStart('.').Trim();
        if (name.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(name);
            name = extension.Length is > 0 and < 12 ? name[..(MaxNameLength - extension.Length)] + extension : name[..MaxNameLength];
        }

        return name.Length == 0 ? FallbackName : name;
    }

    /// <summary>The ASCII fallback: Vietnamese letters without their marks (đ → d), anything else outside printable ASCII as <c>_</c>.</summary>
    public static string Ascii(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c is >= ' ' and <= '~' && c is not '"' and not '\\' ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>Rewrites the response's headers as it starts (registered by the pipeline for every request).</summary>
    internal static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        if (headers.ContentDisposition.Count > 0)
        {
            var name = ContentDispositionHeaderValue.TryParse(headers.ContentDisposition.ToString(), out var parsed)
                ? (parsed.FileNameStar.HasValue ? parsed.FileNameStar.Value : HeaderUtilities.RemoveQuotes(parsed.FileName).Value)
                : null;
            headers.ContentDisposition = ContentDisposition(name);
        }

        headers.XContentTypeOptions = "nosniff";
    }
}
