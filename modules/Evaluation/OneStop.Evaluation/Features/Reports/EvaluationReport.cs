using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Features.Cockpit;
using OneStop.Platform;
using OneStop.Platform.Kpis;
using OneStop.Platform.Documents;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;
using PdfSharp.Drawing;
using OneStop.Platform.Domain;

namespace OneStop.Evaluation.Features.Reports;

internal sealed record ReportData(
    AdministrativeUnitInfo Unit, KpiPeriod Period, IReadOnlyList<KpiCard> Cards, QualityIndex Index, IReadOnlyList<ChildRow> Children, DateTimeOffset? ComputedAt,
    string Structure = KpiStructures.Is);

/// <summary>
/// Báo cáo đánh giá quý / năm of a unit, for the provincial administrative-reform (PAR) index: the plan's targets with
/// value, target and result, the 766 index by group and indicator, and the ranking of the units under it. PDF
/// (Noto fonts, Vietnamese) and Excel.
/// </summary>
internal sealed class EvaluationReport(KpiQueries queries, TimeProvider clock)
{
    private static readonly CultureInfo Vi = OneStop.Platform.Localization.Vietnamese.Culture;

    public async Task<ReportData> LoadAsync(Guid? unitId, string? period, CancellationToken ct, string? structure = null)
    {
        var unit = await queries.UnitAsync(unitId, ct);
        var view = queries.ViewAs(structure, unit);
        var p = KpiQueries.ParsePeriod(period, clock.GetLocalNow().Year);
        if (p.Kind is not (KpiPeriodKinds.Quarter or KpiPeriodKinds.Year))
        {
            throw new PlatformException(EvaluationErrorCodes.InvalidPeriod, 400) { MessageCode = EvaluationMessages.ReportPeriodInvalid };
        }

        // A report for the file is a Vietnamese document whatever the reader's language (ADR 0020): so are its definitions.
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Vi;
        try
        {
            return new ReportData(unit, p, await queries.CardsAsync(unit, p, ct), await queries.QualityIndexAsync(unit, p, ct),
                await queries.ChildrenAsync(unit, p, null, ct), await queries.LastRunAsync(ct), view);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private static string Levels(IReadOnlyList<string> levels) =>
        string.Join(", ", levels.Select(l => l switch { "province" => "cấp tỉnh", "district" => "cấp huyện", "commune" => "cấp xã", _ => l }));

    private static string Periods(IReadOnlyList<string> periods) =>
        string.Join(", ", periods.Select(k => k switch { KpiPeriodKinds.Day => "ngày", KpiPeriodKinds.Month => "tháng", KpiPeriodKinds.Quarter => "quý", _ => "năm" }));

    /// <summary>The counts behind a figure in words, for the definitions section (— without data, with the reason).</summary>
    private static string Counts(decimal? numerator, decimal? denominator, string measure, string? noData) =>
        numerator is null ? "Chưa có số liệu" + (noData is null ? "" : ": " + noData)
        : measure == "count" ? $"Tử số = {Num(numerator)}" : $"Tử số = {Num(numerator)}; mẫu số = {Num(denominator)}";

    /// <summary>Which structure the figures follow, printed under the title (the two views differ before a reorganisation).</summary>
    public static string StructureText(string structure) =>
        structure == KpiStructures.Was ? "Theo cơ cấu đơn vị hành chính tại thời điểm của kỳ" : "Theo đơn vị hành chính hiện nay (gồm số liệu của các đơn vị tiền thân)";

    public static string PeriodText(KpiPeriod p) => p.Kind == KpiPeriodKinds.Quarter ? $"Quý {(p.Start.Month - 1) / 3 + 1} năm {p.Year}" : $"Năm {p.Year}";

    // ASCII comparison signs: the Noto Sans faces PDFsharp embeds here lack ≥ and ≤.
    private static string Num(decimal? v) => v is { } x ? x.ToString("#,0.##", Vi) : "—";

    private static string Result(KpiCard c) => c.SourcePending ? "Chưa có nguồn số liệu" : c.Rag switch
    {
        Rag.Green => "Đạt",
        Rag.Amber => "Gần đạt",
        Rag.Red => "Không đạt",
        _ => c.Snapshot is null ? "Chưa có số liệu" : "Theo dõi",
    };

    public byte[] Pdf(ReportData data)
    {
        using var pdf = new PdfWriter($"Báo cáo đánh giá {data.Unit.Name} {PeriodText(data.Period)}", "OneStop.Platform") { Margin = 40 };
        pdf.NewPage()
            .Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 11, bold: true, spaceAfter: 0)
            .Text("Độc lập - Tự do - Hạnh phúc", 11, bold: true, spaceAfter: 14)
            .Text("BÁO CÁO ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG", 13, bold: true, spaceAfter: 2)
            .Text($"{data.Unit.Name} — {PeriodText(data.Period)}", 12, spaceAfter: 2)
            .Text(StructureText(data.Structure), 9, spaceAfter: 2)
            .Text($"Phục vụ chấm điểm Chỉ số cải cách hành chính (PAR Index). Số liệu tính đến {(data.ComputedAt is { } computedAt ? VietnamTime.FormatAs(computedAt, "HH:mm dd/MM/yyyy") : "—")}.", 9, italic: true, spaceAfter: 10);

        pdf.Text("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA KẾ HOẠCH", 11, bold: true, align: XStringAlignment.Near);
        var widths = new[] { 0.40, 0.14, 0.14, 0.14, 0.18 };
        pdf.Row(Cells(widths, "Chỉ tiêu", "Tử số / Mẫu số", "Kết quả", "Chỉ tiêu", "Đánh giá"), bold: true, fill: XColors.LightGray);
        foreach (var c in data.Cards)
        {
            var unit = c.Definition.Measure switch { "ratio" => "%", "average" => " phút", _ => "" };
            pdf.Row(Cells(widths, c.Definition.NameVi,
                c.Snapshot is { } s ? $"{Num(s.Numerator)} / {Num(s.Denominator)}" : "—",
                c.Snapshot?.Value is { } v ? Num(v) + unit : "—",
                c.Target is { } t ? (c.Definition.LowerIsBetter ? "<= " : ">= ") + Num(t) + unit : "—",
                Result(c)));
        }

        pdf.Space(10).Text($"II. BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QUYẾT ĐỊNH 766/QĐ-TTg): {Num(data.Index.Points)}/100 ĐIỂM", 11, bold: true, align: XStringAlignment.Near)
            .Text($"Điểm tính trên các chỉ số đã có nguồn số liệu: tối đa {Num(data.Index.MeasuredMaxPoints)} điểm.", 9, italic: true, align: XStringAlignment.Near);
        var w2 = new[] { 0.52, 0.16, 0.16, 0.16 };
        pdf.Row(Cells(w2, "Nhóm / chỉ số", "Tỷ lệ", "Điểm", "Tối đa"), bold: true, fill: XColors.LightGray);
        foreach (var g in data.Index.Groups)
        {
            pdf.Row(Cells(w2, g.NameVi, "", Num(g.Points), Num(g.MaxPoints)), bold: true, fill: XColors.WhiteSmoke);
            foreach (var i in g.Indicators)
            {
                pdf.Row(Cells(w2, "   " + i.NameVi, i.Value is { } v ? Num(v) + "%" : "—", Num(i.Points), Num(i.MaxPoints)));
            }
        }

        if (data.Children.Count > 0)
        {
            pdf.Space(10).Text("III. XẾP HẠNG CÁC ĐƠN VỊ TRỰC THUỘC THEO BỘ CHỈ SỐ 766", 11, bold: true, align: XStringAlignment.Near);
            var w3 = new[] { 0.08, 0.62, 0.30 };
            pdf.Row(Cells(w3, "TT", "Đơn vị", "Điểm"), bold: true, fill: XColors.LightGray);
            var rank = 0;
            foreach (var r in data.Children)
            {
                pdf.Row(Cells(w3, (++rank).ToString(Vi), r.Unit.Name, Num(r.IndexPoints)));
            }
        }

        // IV. How every figure above is formed: numerator and denominator in words, the counts, the legal source.
        pdf.Space(10).Text($"{(data.Children.Count > 0 ? "IV" : "III")}. ĐỊNH NGHĨA CÁC CHỈ SỐ ({data.Unit.Name}, {PeriodText(data.Period)})", 11, bold: true, align: XStringAlignment.Near);
        var w4 = new[] { 0.22, 0.22, 0.22, 0.16, 0.18 };
        pdf.Row(Cells(w4, "Chỉ số", "Tử số là", "Mẫu số là", "Số liệu", "Căn cứ"), bold: true, fill: XColors.LightGray);
        foreach (var c in data.Cards)
        {
            pdf.Row(Cells(w4, $"{c.Definition.NameVi} (áp dụng: {Levels(c.Words.Levels)}; theo {Periods(c.Words.Periods)})", c.Words.Numerator, c.Words.Denominator,
                Counts(c.Snapshot?.Numerator, c.Snapshot?.Denominator, c.Definition.Measure, c.NoDataReason), c.Words.Source), size: 7.5);
        }

        foreach (var i in data.Index.Groups.SelectMany(g => g.Indicators).Where(i => i.Definition is not null))
        {
            pdf.Row(Cells(w4, $"{i.NameVi} (áp dụng: {Levels(i.Definition!.Levels)}; theo {Periods(i.Definition.Periods)})", i.Definition.Numerator, i.Definition.Denominator,
                Counts(i.NumeratorCount, i.DenominatorCount, i.Definition.Measure, i.NoDataReason), i.Definition.Source), size: 7.5);
        }

        return pdf.ToArray();
    }

    private static (string, double)[] Cells(double[] widths, params string[] texts) => texts.Select((t, i) => (t, widths[i])).ToArray();

    public byte[] Excel(ReportData data)
    {
        using var book = new ExcelWorkbook();
        book.Sheet("Chỉ tiêu kế hoạch",
            [
                new ExcelColumn<KpiCard>("Mã", 18, c => c.Definition.Code),
                new("Chỉ tiêu", 70, c => c.Definition.NameVi),
                new("Tử số", 10, c => c.Snapshot?.Numerator),
                new("Mẫu số", 10, c => c.Snapshot?.Denominator),
                new("Kết quả", 10, c => c.Snapshot?.Value),
                new("Chỉ tiêu", 10, c => c.Target),
                new("Đánh giá", 18, Result),
                new("Phân hệ tính", 14, c => c.Definition.Module),
                new("Tử số là", 40, c => c.Words.Numerator),
                new("Mẫu số là", 40, c => c.Words.Denominator),
                new("Áp dụng cho cấp", 24, c => Levels(c.Words.Levels)),
                new("Kỳ tính", 18, c => Periods(c.Words.Periods)),
                new("Căn cứ", 60, c => c.Words.Source),
                new("Lý do chưa có số liệu", 40, c => c.NoDataReason),
            ],
            data.Cards, [$"Báo cáo đánh giá — {data.Unit.Name} — {PeriodText(data.Period)} — {StructureText(data.Structure)}"]);
        book.Sheet("Bộ chỉ số 766",
            [
                new ExcelColumn<(string Group, KpiValue Indicator)>("Nhóm", 28, r => r.Group),
                new("Mã", 10, r => r.Indicator.Code),
                new("Chỉ số", 60, r => r.Indicator.NameVi),
                new("Tử số", 10, r => r.Indicator.Numerator),
                new("Mẫu số", 10, r => r.Indicator.Denominator),
                new("Tỷ lệ %", 10, r => r.Indicator.Value),
                new("Điểm", 8, r => r.Indicator.Points),
                new("Tối đa", 8, r => r.Indicator.MaxPoints),
                new("Tử số là", 40, r => r.Indicator.Definition?.Numerator),
                new("Mẫu số là", 40, r => r.Indicator.Definition?.Denominator),
                new("Áp dụng cho cấp", 24, r => r.Indicator.Definition is { } d ? Levels(d.Levels) : null),
                new("Kỳ tính", 18, r => r.Indicator.Definition is { } d ? Periods(d.Periods) : null),
                new("Căn cứ", 60, r => r.Indicator.Definition?.Source),
                new("Lý do chưa có số liệu", 40, r => r.Indicator.NoDataReason),
            ],
            data.Index.Groups.SelectMany(g => g.Indicators.Select(i => (Group: g.NameVi, Indicator: i))),
            totals: [[null, null, "Tổng điểm", null, null, null, data.Index.Points, 100]]);
        book.Sheet("Xếp hạng đơn vị",
            [
                new ExcelColumn<(int No, ChildRow Rank)>("TT", 6, r => r.No),
                new("Mã đơn vị", 10, r => r.Rank.Unit.Code),
                new("Đơn vị", 40, r => r.Rank.Unit.Name),
                new("Điểm 766", 10, r => r.Rank.IndexPoints),
            ],
            data.Children.Select((r, i) => (No: i + 1, Rank: r)));
        return book.ToBytes();
    }

    public static string FileName(ReportData data, string extension) =>
        $"bao-cao-danh-gia-{data.Unit.Code}-{data.Period.Key}{(data.Structure == KpiStructures.Was ? "-co-cau-cu" : "")}.{extension}";
}

internal static class ReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/reports", Get).RequirePermission(EvaluationPermissions.Cockpit)
            .WithSummary("Báo cáo đánh giá quý / năm của một đơn vị (format=pdf hoặc xlsx; structure=was theo cơ cấu khi đó, is theo đơn vị hiện nay)");

    private static async Task<FileContentHttpResult> Get(EvaluationReport report, Guid? unitId, string? period, string? format, string? structure, CancellationToken ct)
    {
        var data = await report.LoadAsync(unitId, period, ct, structure);
        return format == "xlsx"
            ? TypedResults.File(report.Excel(data), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", EvaluationReport.FileName(data, "xlsx"))
            : TypedResults.File(report.Pdf(data), "application/pdf", EvaluationReport.FileName(data, "pdf"));
    }
}
