using System.Globalization;
using ClosedXML.Excel;
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

        return new ReportData(unit, p, await queries.CardsAsync(unit, p, ct), await queries.QualityIndexAsync(unit, p, ct),
            await queries.ChildrenAsync(unit, p, null, ct), await queries.LastRunAsync(ct), view);
    }

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

        return pdf.ToArray();
    }

    private static (string, double)[] Cells(double[] widths, params string[] texts) => texts.Select((t, i) => (t, widths[i])).ToArray();

    public byte[] Excel(ReportData data)
    {
        using var book = new XLWorkbook();
        var plan = book.Worksheets.Add("Chỉ tiêu kế hoạch");
        plan.Cell(1, 1).Value = $"Báo cáo đánh giá — {data.Unit.Name} — {PeriodText(data.Period)} — {StructureText(data.Structure)}";
        plan.Cell(1, 1).Style.Font.Bold = true;
        string[] head = ["Mã", "Chỉ tiêu", "Tử số", "Mẫu số", "Kết quả", "Chỉ tiêu", "Đánh giá", "Phân hệ tính"];
        for (var i = 0; i < head.Length; i++)
        {
            plan.Cell(3, i + 1).Value = head[i];
        }

        var row = 4;
        foreach (var c in data.Cards)
        {
            plan.Cell(row, 1).Value = c.Definition.Code;
            plan.Cell(row, 2).Value = c.Definition.NameVi;
            plan.Cell(row, 3).Value = c.Snapshot?.Numerator;
            plan.Cell(row, 4).Value = c.Snapshot?.Denominator;
            plan.Cell(row, 5).Value = c.Snapshot?.Value;
            plan.Cell(row, 6).Value = c.Target;
            plan.Cell(row, 7).Value = Result(c);
            plan.Cell(row, 8).Value = c.Definition.Module;
            row++;
        }

        plan.Range(3, 1, 3, head.Length).Style.Font.Bold = true;
        // Fixed widths: ClosedXML 0.95's AdjustToContents measures text with System.Drawing, which Linux lacks.
        Widths(plan, 18, 70, 10, 10, 10, 10, 18, 14);

        var index = book.Worksheets.Add("Bộ chỉ số 766");
        string[] head2 = ["Nhóm", "Mã", "Chỉ số", "Tử số", "Mẫu số", "Tỷ lệ %", "Điểm", "Tối đa"];
        for (var i = 0; i < head2.Length; i++)
        {
            index.Cell(1, i + 1).Value = head2[i];
        }

        row = 2;
        foreach (var g in data.Index.Groups)
        {
            foreach (var i in g.Indicators)
            {
                index.Cell(row, 1).Value = g.NameVi;
                index.Cell(row, 2).Value = i.Code;
                index.Cell(row, 3).Value = i.NameVi;
                index.Cell(row, 4).Value = i.Numerator;
                index.Cell(row, 5).Value = i.Denominator;
                index.Cell(row, 6).Value = i.Value;
                index.Cell(row, 7).Value = i.Points;
                index.Cell(row, 8).Value = i.MaxPoints;
                row++;
            }
        }

        index.Cell(row, 3).Value = "Tổng điểm";
        index.Cell(row, 7).Value = data.Index.Points;
        index.Cell(row, 8).Value = 100;
        index.Range(1, 1, 1, head2.Length).Style.Font.Bold = true;
        Widths(index, 28, 10, 60, 10, 10, 10, 8, 8);

        var ranking = book.Worksheets.Add("Xếp hạng đơn vị");
        ranking.Cell(1, 1).Value = "TT";
        ranking.Cell(1, 2).Value = "Mã đơn vị";
        ranking.Cell(1, 3).Value = "Đơn vị";
        ranking.Cell(1, 4).Value = "Điểm 766";
        row = 2;
        foreach (var r in data.Children)
        {
            ranking.Cell(row, 1).Value = row - 1;
            ranking.Cell(row, 2).Value = r.Unit.Code;
            ranking.Cell(row, 3).Value = r.Unit.Name;
            ranking.Cell(row, 4).Value = r.IndexPoints;
            row++;
        }

        ranking.Row(1).Style.Font.Bold = true;
        Widths(ranking, 6, 10, 40, 10);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Widths(IXLWorksheet sheet, params double[] widths)
    {
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }
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
