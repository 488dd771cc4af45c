using System.Globalization;
using System.Text.RegularExpressions;
using OneStop.Evaluation.Features.Cockpit;

namespace OneStop.Evaluation.Tests;

/// <summary>The cockpit's inline SVG under the Vietnamese culture (decimal comma): attributes must stay invariant.</summary>
public sealed partial class ChartsTests
{
    [Fact]
    public void Trend_and_ranking_write_invariant_numbers_into_attributes_under_the_vi_culture()
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        try
        {
            1.5.ToString().ShouldBe("1,5"); // the culture the page renders under
            decimal?[] values = [12.5m, null, 40.25m, 33.3m, 50m, 61.7m, null, 70m, 72.5m, 80m, 81.2m, 90.9m];
            var html = string.Concat(
                Html(Charts.Trend(values, 66.6m, "Xu hướng")),
                Html(Charts.Trend(values, 66.6m, "Xu hướng", 480, 140, axis: true)),
                Html(Charts.Ranking([("Phường Cẩm Thượng", 87.5m), ("Phường Bình Hàn", 42.25m)], 100, "Xếp hạng")));
            var attributes = Attribute().Matches(html).Select(m => m.Value).Where(a => !a.StartsWith("aria-label")).ToList();
            attributes.ShouldNotBeEmpty();
            attributes.Where(a => DecimalComma().IsMatch(a)).ShouldBeEmpty();
            html.ShouldContain("r=\"1.5\"");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [GeneratedRegex("[a-z-]+=\"[^\"]*\"")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"\d,\d")]
    private static partial Regex DecimalComma();
}
