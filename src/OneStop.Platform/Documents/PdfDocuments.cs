using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OneStop.Platform.Documents;

/// <summary>
/// A small helper over PDFsharp for the platform's printed documents (certificates, legal forms): A4/A5 pages, Noto
/// fonts, centred and wrapped text. Keeps modules away from font set-up and layout arithmetic.
/// </summary>
public sealed class PdfWriter : IDisposable
{
    private readonly PdfDocument _document = new();
    private XGraphics? _gfx;
    private PdfPage? _page;
    private double _y;
    private PdfSharp.PageSize _size = PdfSharp.PageSize.A4;

    public PdfWriter(string title, string author)
    {
        NotoFontResolver.EnsureInstalled();
        _document.Info.Title = title;
        _document.Info.Author = author;
        _document.Info.Creator = "OneStop.Platform";
    }

    public double Margin { get; init; } = 56;

    public double Width => _page!.Width.Point - 2 * Margin;

    /// <summary>Starts a new page (A4 by default; landscape for certificates).</summary>
    public PdfWriter NewPage(bool landscape = false, PdfSharp.PageSize size = PdfSharp.PageSize.A4)
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = size;
        _size = size;
        _page.Orientation = landscape ? PdfSharp.PageOrientation.Landscape : PdfSharp.PageOrientation.Portrait;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin;
        return this;
    }

    /// <summary>Writes a line (wrapped at the page width), advancing the cursor.</summary>
    public PdfWriter Text(string text, double size = 12, bool bold = false, bool italic = false, bool serif = false, XStringAlignment align = XStringAlignment.Center, double spaceAfter = 6)
    {
        var gfx = _gfx ?? throw new InvalidOperationException("Call NewPage first.");
        var style = (bold, italic) switch
        {
            (true, true) => XFontStyleEx.BoldItalic,
            (true, false) => XFontStyleEx.Bold,
            (false, true) => XFontStyleEx.Italic,
            _ => XFontStyleEx.Regular,
        };
        var font = new XFont(serif ? NotoFontResolver.Serif : NotoFontResolver.Sans, size, style);
        foreach (var line in Wrap(gfx, text, font, Width))
        {
            var format = new XStringFormat { Alignment = align, LineAlignment = XLineAlignment.Near };
            gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, size * 1.4), format);
            _y += size * 1.4;
        }

        _y += spaceAfter;
        return this;
    }

    /// <summary>
    /// One row of a table: cells with relative widths (fractions of the page width), text wrapped inside each cell, a
    /// thin border; a new page starts (same orientation) when the row does not fit. For reports with many lines.
    /// </summary>
    public PdfWriter Row(IReadOnlyList<(string Text, double Width)> cells, double size = 9, bool bold = false, XColor? fill = null)
    {
        var gfx = _gfx ?? throw new InvalidOperationException("Call NewPage first.");
        var font = new XFont(NotoFontResolver.Sans, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        const double pad = 3;
        var widths = cells.Select(c => c.Width * Width).ToList();
        var lines = cells.Select((c, i) => Wrap(gfx, c.Text, font, widths[i] - 2 * pad).ToList()).ToList();
        var height = lines.Max(l => l.Count) * size * 1.3 + 2 * pad;
        if (_y + height > _page!.Height.Point - Margin)
        {
            NewPage(_page.Orientation == PdfSharp.PageOrientation.Landscape, _size);
            gfx = _gfx!;
        }

        var x = Margin;
        var pen = new XPen(XColors.Gray, 0.5);
        for (var i = 0; i < cells.Count; i++)
        {
            if (fill is { } f)
            {
                gfx.DrawRectangle(new XSolidBrush(f), x, _y, widths[i], height);
            }

            gfx.DrawRectangle(pen, x, _y, widths[i], height);
            var y = _y + pad;
            foreach (var line in lines[i])
            {
                gfx.DrawString(line, font, XBrushes.Black, new XRect(x + pad, y, widths[i] - 2 * pad, size * 1.3), XStringFormats.TopLeft);
                y += size * 1.3;
            }

            x += widths[i];
        }

        _y += height;
        return this;
    }

    public PdfWriter Space(double points)
    {
        _y += points;
        return this;
    }

    /// <summary>A frame around the page, e.g. for a certificate.</summary>
    public PdfWriter Border(double inset = 24, double thickness = 2)
    {
        var gfx = _gfx ?? throw new InvalidOperationException("Call NewPage first.");
        gfx.DrawRectangle(new XPen(XColors.DarkRed, thickness), inset, inset, _page!.Width.Point - 2 * inset, _page.Height.Point - 2 * inset);
        return this;
    }

    /// <summary>
    /// Blocks of lines side by side without borders (relative widths, each line centred in its block unless told):
    /// the two-column head of Vietnamese administrative documents (agency | national motto) and signature blocks.
    /// The cursor moves below the tallest block.
    /// </summary>
    public PdfWriter Columns(IReadOnlyList<(double Width, IReadOnlyList<PdfLine> Lines)> columns, XStringAlignment align = XStringAlignment.Center, double spaceAfter = 6)
    {
        var gfx = _gfx ?? throw new InvalidOperationException("Call NewPage first.");
        var x = Margin;
        var bottom = _y;
        foreach (var (fraction, lines) in columns)
        {
            var width = fraction * Width;
            var y = _y;
            foreach (var line in lines)
            {
                var font = new XFont(line.Serif ? NotoFontResolver.Serif : NotoFontResolver.Sans, line.Size, (line.Bold, line.Italic) switch
                {
                    (true, true) => XFontStyleEx.BoldItalic,
                    (true, false) => XFontStyleEx.Bold,
                    (false, true) => XFontStyleEx.Italic,
                    _ => XFontStyleEx.Regular,
                });
                foreach (var wrapped in Wrap(gfx, line.Text, font, width))
                {
                    var format = new XStringFormat { Alignment = align, LineAlignment = XLineAlignment.Near };
                    gfx.DrawString(wrapped, font, XBrushes.Black, new XRect(x, y, width, line.Size * 1.4), format);
                    if (line.Underline && wrapped.Length > 0)
                    {
                        // The short rule under "Độc lập - Tự do - Hạnh phúc" and under the agency name.
                        var w = gfx.MeasureString(wrapped, font).Width;
                        var left = align switch { XStringAlignment.Near => x, XStringAlignment.Far => x + width - w, _ => x + (width - w) / 2 };
                        gfx.DrawLine(new XPen(XColors.Black, 0.6), left, y + line.Size * 1.3, left + w, y + line.Size * 1.3);
                    }

                    y += line.Size * 1.4;
                }
            }

            bottom = Math.Max(bottom, y);
            x += width;
        }

        _y = bottom + spaceAfter;
        return this;
    }

    /// <summary>Starts a new page (same size and orientation) when less than <paramref name="points"/> remain, e.g. before a signature block.</summary>
    public PdfWriter EnsureSpace(double points)
    {
        if (_page is { } page && _y + points > page.Height.Point - Margin)
        {
            NewPage(page.Orientation == PdfSharp.PageOrientation.Landscape, _size);
        }

        return this;
    }

    public byte[] ToArray()
    {
        _gfx?.Dispose();
        _gfx = null;
        using var stream = new MemoryStream();
        _document.Save(stream, false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }

    private static IEnumerable<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        foreach (var paragraph in text.Normalize(System.Text.NormalizationForm.FormC).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            yield return line;
        }
    }
}

/// <summary>One line of a <see cref="PdfWriter.Columns"/> block.</summary>
public sealed record PdfLine(string Text, double Size = 11, bool Bold = false, bool Italic = false, bool Underline = false, bool Serif = false);
