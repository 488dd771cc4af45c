using PdfSharp.Fonts;

namespace OneStop.Platform.Documents;

/// <summary>
/// PDFsharp finds no system fonts on Linux: this resolver serves Noto Sans and Noto Serif (Debian fonts-noto-core)
/// for every family asked for. Noto, not DejaVu: with DejaVu, PDFsharp's subsetting drops stacked Vietnamese
/// diacritics (ệ, ễ, ộ) in the rendered page. The folder can be moved with ONESTOP_FONT_DIR.
/// </summary>
public sealed class NotoFontResolver : IFontResolver
{
    public const string Sans = "Noto Sans";
    public const string Serif = "Noto Serif";

    public static string FontDirectory { get; } =
        Environment.GetEnvironmentVariable("ONESTOP_FONT_DIR") ?? "/usr/share/fonts/truetype/noto";

    private static readonly object Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp forbids changing it after first use).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not NotoFontResolver)
            {
                GlobalFontSettings.FontResolver = new NotoFontResolver();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var family = familyName.Contains("Serif", StringComparison.OrdinalIgnoreCase) ? "NotoSerif" : "NotoSans";
        var style = (bold, italic) switch
        {
            (true, true) => "BoldItalic",
            (true, false) => "Bold",
            (false, true) => "Italic",
            _ => "Regular",
        };
        return new FontResolverInfo($"{family}-{style}");
    }

    public byte[]? GetFont(string faceName)
    {
        // Face names come only from ResolveTypeface above, never from user input.
        var path = Path.Combine(FontDirectory, faceName + ".ttf");
        return File.Exists(path) ? File.ReadAllBytes(path) : throw new FileNotFoundException($"Font {faceName} not found in {FontDirectory} (install fonts-noto-core).", path);
    }
}
