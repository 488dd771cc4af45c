using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace OneStop.Evaluation.Features.Cockpit;

/// <summary>
/// Small inline SVG charts for the cockpit (no chart library to load: the page stays one request and renders at once).
/// Every chart has a text alternative (role="img" + aria-label) for screen readers.
/// </summary>
internal static class Charts
{
    /// <summary>Every number written into an attribute goes through here: SVG wants "1.5", never the page culture's "1,5".</summary>
    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A monthly trend line (12 points, gaps where a month has no value) with the target as a dashed line.</summary>
    public static IHtmlContent Trend(IReadOnlyList<decimal?> values, decimal? target, string label, int width = 160, int height = 40, bool axis = false)
    {
        var present = values.Where(v => v is not null).Select(v => (double)v!.Value).ToList();
        var max = Math.Max(present.DefaultIfEmpty(0).Max(), (double)(target ?? 0));
        var min = Math.Min(present.DefaultIfEmpty(0).Min(), (double)(target ?? 0));
        if (max - min < 1e-9)
        {
            max = min + 1;
        }

        var pad = axis ? 18 : 3;
        double X(int i) => pad + i * (width - 2.0 * pad) / 11;
        double Y(double v) => height - pad - (v - min) / (max - min) * (height - 2.0 * pad);
        var sb = new StringBuilder(1024); // a card's sparkline is about 700 characters: no regrowth
        sb.Append($"<svg class=\"kpi-trend\" viewBox=\"0 0 {width} {height}\" width=\"100%\" height=\"{height}\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\">");
        if (target is { } t)
        {
            sb.Append($"<line x1=\"{pad}\" x2=\"{width - pad}\" y1=\"{F(Y((double)t))}\" y2=\"{F(Y((double)t))}\" stroke=\"#6c757d\" stroke-dasharray=\"3 3\" stroke-width=\"1\"/>");
        }

        var path = new StringBuilder();
        var pen = false;
        for (var i = 0; i < values.Count && i < 12; i++)
        {
            if (values[i] is not { } v)
            {
                pen = false;
                continue;
            }

            path.Append(pen ? " L" : " M").Append(F(X(i))).Append(' ').Append(F(Y((double)v)));
            pen = true;
            sb.Append($"<circle cx=\"{F(X(i))}\" cy=\"{F(Y((double)v))}\" r=\"{F(axis ? 3 : 1.5)}\" fill=\"#0d6efd\"><title>{i + 1:00}: {v:0.##}</title></circle>");
        }

        if (path.Length > 0)
        {
            sb.Append($"<path d=\"{path}\" fill=\"none\" stroke=\"#0d6efd\" stroke-width=\"{F(axis ? 2 : 1.5)}\"/>");
        }

        if (axis)
        {
            for (var i = 0; i < 12; i++)
            {
                sb.Append($"<text x=\"{F(X(i))}\" y=\"{height - 4}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#6c757d\">{i + 1}</text>");
            }

            sb.Append($"<text x=\"2\" y=\"{F(Y(max) + 8)}\" font-size=\"9\" fill=\"#6c757d\">{F(max)}</text>");
            sb.Append($"<text x=\"2\" y=\"{F(Y(min))}\" font-size=\"9\" fill=\"#6c757d\">{F(min)}</text>");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>Horizontal bars ranking units (e.g. by 766 points out of <paramref name="max"/>).</summary>
    public static IHtmlContent Ranking(IReadOnlyList<(string Name, decimal Value)> rows, decimal max, string label)
    {
        const int rowHeight = 18, labelWidth = 170, width = 520;
        var height = Math.Max(rowHeight, rows.Count * rowHeight);
        var sb = new StringBuilder();
        sb.Append($"<svg viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" data-testid=\"ranking-chart\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var (name, value) = rows[i];
            var w = max <= 0 ? 0 : (double)Math.Min(1, value / max) * (width - labelWidth - 40);
            var y = i * rowHeight;
            var colour = value >= max * 0.8m ? "#198754" : value >= max * 0.5m ? "#ffc107" : "#dc3545";
            sb.Append($"<text x=\"{labelWidth - 4}\" y=\"{y + 13}\" font-size=\"11\" text-anchor=\"end\">{WebUtility.HtmlEncode(name.Length > 28 ? name[..27] + "…" : name)}</text>");
            sb.Append($"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{F(w)}\" height=\"{rowHeight - 6}\" fill=\"{colour}\"><title>{WebUtility.HtmlEncode(name)}: {value:0.##}</title></rect>");
            sb.Append($"<text x=\"{F(labelWidth + w + 4)}\" y=\"{y + 13}\" font-size=\"11\">{value.ToString("0.#", CultureInfo.InvariantCulture)}</text>");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
