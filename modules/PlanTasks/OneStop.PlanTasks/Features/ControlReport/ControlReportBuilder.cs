using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Documents;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.PlanTasks.Contracts;
using OneStop.PlanTasks.Domain;
using OneStop.PlanTasks.Infrastructure;
using PdfSharp.Drawing;
using OneStop.Platform.Domain;

namespace OneStop.PlanTasks.Features.ControlReport;

/// <summary>A reporting period: a quarter (<c>2025-Q3</c>), a half-year (<c>2025-H1</c>, <c>2025-H2</c>) or a year (<c>2025</c>); <see cref="End"/> is exclusive.</summary>
internal sealed record ReportPeriod(string Key, string Kind, int Year, int Number, DateOnly Start, DateOnly End)
{
    /// <summary>Midnight in Vietnam, as UTC (PostgreSQL stores and compares instants in UTC).</summary>
    public DateTimeOffset StartsAt => OneStop.Platform.Domain.VietnamTime.StartOfDay(Start);
    public DateTimeOffset EndsAt => OneStop.Platform.Domain.VietnamTime.StartOfDay(End);

    public string TextVi => Kind switch
    {
        "quarter" => $"Quý {Roman(Number)} năm {Year}",
        "half" => Number == 1 ? $"6 tháng đầu năm {Year}" : $"6 tháng cuối năm {Year}",
        _ => $"Năm {Year}",
    };

    private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };

    /// <summary>Parses a period key; <c>null</c> when it is not one of the three forms or outside 2021–2100.</summary>
    public static ReportPeriod? Parse(string? key)
    {
        var k = (key ?? "").Trim().ToUpperInvariant();
        if (k.Length < 4 || !int.TryParse(k[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2021 or > 2100)
        {
            return null;
        }

        return k[4..] switch
        {
            "" => new ReportPeriod(k, "year", year, 0, new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1)),
            "-H1" or "-H2" => Half(k, year, k[^1] - '0'),
            "-Q1" or "-Q2" or "-Q3" or "-Q4" => new ReportPeriod(k, "quarter", year, k[^1] - '0', new DateOnly(year, (k[^1] - '1') * 3 + 1, 1), new DateOnly(year, (k[^1] - '1') * 3 + 1, 1).AddMonths(3)),
            _ => null,
        };
    }

    private static ReportPeriod Half(string key, int year, int half) =>
        new(key, "half", year, half, new DateOnly(year, half == 1 ? 1 : 7, 1), new DateOnly(year, half == 1 ? 7 : 1, 1).AddYears(half == 1 ? 0 : 1));
}

/// <summary>One assignment as it stood at the end of the period (or today, for a period not yet over).</summary>
internal sealed record ReportTaskLine(
    Guid AssignmentId, string TaskCode, string TaskTitle, string UnitName, string UnitPath, string CompletionText, DateOnly? DueOn,
    string Status, int Percent, bool Overdue, bool Improvement);

/// <summary>An accepted progress report submitted during the period: its narrative goes into the report.</summary>
/// <param name="SubmittedBy">Full name of the officer who reported (the record keeps the login).</param>
/// <param name="ReviewedBy">Full name of the officer who accepted it.</param>
internal sealed record ReportNarrative(
    string TaskCode, string UnitName, string Kind, DateTimeOffset SubmittedAt, string Status, int Percent, string Narrative, string? ReviewComment, IReadOnlyList<string> Evidence,
    string SubmittedBy, string? ReviewedBy);

internal sealed record ReportVisit(DateOnly VisitOn, string UnitName, string Summary, IReadOnlyList<string> Findings);

internal sealed record ReportSummary(int Total, int Completed, int InProgress, int NotStarted, int Overdue, int Improvement, double AveragePercent);

/// <param name="Preparer">Who the report is drawn up by (the signer of NGƯỜI LẬP BÁO CÁO): full name, and title if known.</param>
internal sealed record ControlReportData(
    AdministrativeUnitInfo Unit, ReportPeriod Period, DateOnly AsOf, ReportSummary Summary, IReadOnlyList<ReportTaskLine> Tasks,
    IReadOnlyList<ReportNarrative> Narratives, IReadOnlyList<ReportVisit> Visits, DateTimeOffset GeneratedAt, string Preparer, string? PreparerPosition);

/// <summary>
/// Báo cáo tình hình, kết quả kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên thông — the plan's
/// part of the periodic TTHC-control report (quý, 6 tháng, năm) of a unit: every task assigned in the unit's subtree
/// with the status and percentage of its latest accepted progress report submitted before the period ended, the
/// narratives of the accepted reports submitted in the period, the overdue tasks and the inspections. Read through the
/// scope filter: a unit reports on itself and what is below it, never a sibling.
/// </summary>
internal sealed class ControlReportBuilder(PlanTasksDbContext db, IAdministrativeUnitDirectory units, ICurrentScope scope, TimeProvider clock, IPeopleDirectory people)
{
    private static readonly CultureInfo Vi = OneStop.Platform.Localization.Vietnamese.Culture;

    public static string DefaultPeriodKey(DateOnly today) => $"{today.Year}-Q{(today.Month - 1) / 3 + 1}";

    public DateOnly Today => OneStop.Platform.Domain.VietnamTime.Today(clock);

    public async Task<AdministrativeUnitInfo> UnitAsync(Guid? unitId, CancellationToken ct)
    {
        var unit = await units.FindAsync(unitId ?? scope.Unit.UnitId, ct);
        return unit is not null && scope.Unit.Contains(unit.Path)
            ? unit
            : throw new PlatformException(PlanTasksErrorCodes.UnitNotFound, 404);
    }

    public async Task<ControlReportData> LoadAsync(Guid? unitId, string? period, CancellationToken ct)
    {
        var p = ReportPeriod.Parse(period ?? DefaultPeriodKey(Today))
            ?? throw new PlatformException(PlanTasksErrorCodes.InvalidPeriod);
        var unit = await UnitAsync(unitId, ct);
        var path = unit.Path;
        var asOf = p.End.AddDays(-1) < Today ? p.End.AddDays(-1) : Today;

        var assignments = await db.Assignments.AsNoTracking().Where(a => a.UnitPath.StartsWith(path))
            .Select(a => new { a.Id, a.Task.Code, a.Task.Title, a.Task.Origin, CompletionText = a.Task.Completion.Text, a.UnitName, a.UnitPath, a.DueOn })
            .ToListAsync(ct);
        var ids = assignments.Select(a => a.Id).ToList();
        var end = p.EndsAt;
        // Accepted reports submitted before the period ended carry the state at its end; those inside it, the narratives.
        var accepted = await db.Reports.AsNoTracking().Include(r => r.Evidence)
            .Where(r => r.UnitPath.StartsWith(path) && r.Review == ReviewStates.Accepted && r.CreatedAt < end)
            .OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var latest = accepted.GroupBy(r => r.AssignmentId).ToDictionary(g => g.Key, g => g.Last());

        var lines = assignments.Select(a =>
            {
                var status = latest.TryGetValue(a.Id, out var r) ? r.Status : TaskStatuses.NotStarted;
                var percent = r is null ? 0 : status == TaskStatuses.Completed ? 100 : r.Percent;
                var overdue = status != TaskStatuses.Completed && a.DueOn is { } due && due < asOf;
                return new ReportTaskLine(a.Id, a.Code, a.Title, a.UnitName, a.UnitPath, a.CompletionText, a.DueOn, status, percent, overdue, a.Origin is not null);
            })
            .OrderBy(l => l.Improvement).ThenBy(l => l.TaskCode, StringComparer.Ordinal).ThenBy(l => l.UnitPath, StringComparer.Ordinal).ToList();
        var byId = assignments.ToDictionary(a => a.Id);
        var start = p.StartsAt;
        var names = await people.NamesAsync([scope.ActorName, .. accepted.SelectMany(r => new[] { r.SubmittedBy, r.ReviewedBy })], ct);
        var narratives = accepted.Where(r => r.CreatedAt >= start && byId.ContainsKey(r.AssignmentId))
            .Select(r => new ReportNarrative(byId[r.AssignmentId].Code, byId[r.AssignmentId].UnitName, r.Kind, r.CreatedAt, r.Status, r.Percent, r.Narrative,
                r.ReviewComment, r.Evidence.Select(e => e.FileName).ToList(), names.Name(r.SubmittedBy), names.Name(r.ReviewedBy)))
            .OrderBy(n => n.TaskCode, StringComparer.Ordinal).ThenBy(n => n.SubmittedAt).ToList();

        var visits = (await db.InspectionVisits.AsNoTracking().Include(v => v.Findings)
                .Where(v => v.UnitPath.StartsWith(path) && v.VisitOn >= p.Start && v.VisitOn < p.End).OrderBy(v => v.VisitOn).ToListAsync(ct))
            .Select(v => new ReportVisit(v.VisitOn, v.UnitName, v.Summary, v.Findings.Select(f => f.Text).ToList())).ToList();

        var summary = new ReportSummary(lines.Count, lines.Count(l => l.Status == TaskStatuses.Completed), lines.Count(l => l.Status == TaskStatuses.InProgress),
            lines.Count(l => l.Status == TaskStatuses.NotStarted), lines.Count(l => l.Overdue), lines.Count(l => l.Improvement),
            lines.Count == 0 ? 0 : Math.Round(lines.Average(l => l.Percent), 1));
        return new ControlReportData(unit, p, asOf, summary, lines, narratives, visits, clock.GetUtcNow(), names.Name(scope.ActorName), names.Position(scope.ActorName));
    }

    public static string StatusVi(string status) => status switch
    {
        TaskStatuses.Completed => "Hoàn thành",
        TaskStatuses.InProgress => "Đang thực hiện",
        _ => "Chưa thực hiện",
    };

    public static string KindVi(string kind) => kind == ReportKinds.AdHoc ? "đột xuất" : "định kỳ";

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", Vi);

    private static string Local(DateTimeOffset t) => VietnamTime.FormatAs(t, "dd/MM/yyyy");

    public static string FileName(ControlReportData data, string extension) => $"bao-cao-kiem-soat-tthc-{data.Unit.Code}-{data.Period.Key}.{extension}";

    public byte[] Pdf(ControlReportData data)
    {
        var title = $"Báo cáo kiểm soát TTHC, triển khai cơ chế một cửa — {data.Unit.Name} — {data.Period.TextVi}";
        using var pdf = new PdfWriter(title, data.Unit.Name) { Margin = 40 };
        pdf.NewPage()
            .Columns([
                (0.42, [new PdfLine(data.Unit.Name.ToUpper(Vi), 11, Bold: true, Underline: true)]),
                (0.58, [new PdfLine("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 11, Bold: true), new PdfLine("Độc lập - Tự do - Hạnh phúc", 11, Bold: true, Underline: true)]),
            ], spaceAfter: 16)
            .Text("BÁO CÁO", 14, bold: true, spaceAfter: 2)
            .Text("Tình hình, kết quả kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên thông", 12, bold: true, spaceAfter: 2)
            .Text($"{data.Period.TextVi} (từ {Date(data.Period.Start)} đến {Date(data.Period.End.AddDays(-1))})", 11, spaceAfter: 2)
            .Text($"Phần thực hiện Kế hoạch đổi mới cơ chế một cửa, một cửa liên thông 2021–2025. Số liệu tính đến ngày {Date(data.AsOf)}.", 9, italic: true, spaceAfter: 12);

        var s = data.Summary;
        pdf.Text("I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ ĐƯỢC GIAO", 11, bold: true, align: XStringAlignment.Near)
            .Text($"Tổng số nhiệm vụ được giao: {s.Total}; hoàn thành: {s.Completed}; đang thực hiện: {s.InProgress}; chưa thực hiện: {s.NotStarted}; "
                  + $"quá hạn: {s.Overdue}; nhiệm vụ khắc phục: {s.Improvement}. Tỷ lệ hoàn thành bình quân: {s.AveragePercent.ToString("0.#", Vi)}%.",
                10, align: XStringAlignment.Near, spaceAfter: 6);
        var widths = new[] { 0.05, 0.13, 0.34, 0.17, 0.13, 0.12, 0.06 };
        pdf.Row(Cells(widths, "TT", "Mã", "Nhiệm vụ", "Đơn vị thực hiện", "Thời hạn", "Trạng thái", "%"), bold: true, fill: XColors.LightGray);
        var n = 0;
        foreach (var t in data.Tasks)
        {
            pdf.Row(Cells(widths, (++n).ToString(Vi), t.TaskCode, (t.Improvement ? "[Khắc phục] " : "") + t.TaskTitle, t.UnitName,
                t.CompletionText + (t.DueOn is { } d ? $" ({Date(d)})" : ""), StatusVi(t.Status) + (t.Overdue ? " — quá hạn" : ""), t.Percent.ToString(Vi)));
        }

        pdf.Space(10).Text("II. NỘI DUNG BÁO CÁO TIẾN ĐỘ ĐÃ ĐƯỢC CHẤP NHẬN TRONG KỲ", 11, bold: true, align: XStringAlignment.Near);
        if (data.Narratives.Count == 0)
        {
            pdf.Text("Trong kỳ không có báo cáo tiến độ nào được chấp nhận.", 10, italic: true, align: XStringAlignment.Near);
        }

        foreach (var r in data.Narratives)
        {
            pdf.Text($"{r.TaskCode} — {r.UnitName} (báo cáo {KindVi(r.Kind)} ngày {Local(r.SubmittedAt)} của {r.SubmittedBy}; {StatusVi(r.Status).ToLower(Vi)}, {r.Percent}%):", 10, bold: true, align: XStringAlignment.Near, spaceAfter: 1)
                .Text(r.Narrative, 10, align: XStringAlignment.Near, spaceAfter: 1);
            if (r.Evidence.Count > 0)
            {
                pdf.Text("Tài liệu minh chứng: " + string.Join("; ", r.Evidence), 9, italic: true, align: XStringAlignment.Near, spaceAfter: 1);
            }

            if (!string.IsNullOrWhiteSpace(r.ReviewComment))
            {
                pdf.Text($"Ý kiến của Văn phòng UBND tỉnh{(r.ReviewedBy is null ? "" : $" ({r.ReviewedBy})")}: {r.ReviewComment}", 9, italic: true, align: XStringAlignment.Near, spaceAfter: 1);
            }

            pdf.Space(4);
        }

        var overdue = data.Tasks.Where(t => t.Overdue).ToList();
        pdf.Space(6).Text("III. NHIỆM VỤ CHẬM TIẾN ĐỘ", 11, bold: true, align: XStringAlignment.Near);
        pdf.Text(overdue.Count == 0 ? "Không có nhiệm vụ quá hạn." : string.Join("\n", overdue.Select(t => $"- {t.TaskCode} ({t.UnitName}): hạn {(t.DueOn is { } d ? Date(d) : t.CompletionText)}, đạt {t.Percent}%.")),
            10, align: XStringAlignment.Near);

        pdf.Space(6).Text("IV. CÔNG TÁC KIỂM TRA", 11, bold: true, align: XStringAlignment.Near);
        if (data.Visits.Count == 0)
        {
            pdf.Text("Trong kỳ không có cuộc kiểm tra nào.", 10, italic: true, align: XStringAlignment.Near);
        }

        foreach (var v in data.Visits)
        {
            pdf.Text($"- Ngày {Date(v.VisitOn)}, {v.UnitName}: {v.Summary}" + (v.Findings.Count > 0 ? " Kết luận: " + string.Join("; ", v.Findings) : ""), 10, align: XStringAlignment.Near, spaceAfter: 2);
        }

        pdf.EnsureSpace(110).Space(12).Columns([(0.5, []), (0.5,
        [
            new PdfLine("NGƯỜI LẬP BÁO CÁO", 11, Bold: true), new PdfLine("(Ký, ghi rõ họ tên)", 10, Italic: true),
            new PdfLine(" ", 11), new PdfLine(" ", 11), new PdfLine(" ", 11),
            new PdfLine(data.Preparer, 11, Bold: true),
            .. data.PreparerPosition is null ? Array.Empty<PdfLine>() : [new PdfLine(data.PreparerPosition, 10, Italic: true)],
        ])]);
        return pdf.ToArray();
    }

    private static (string, double)[] Cells(double[] widths, params string[] texts) => texts.Select((t, i) => (t, widths[i])).ToArray();

    public byte[] Excel(ControlReportData data)
    {
        var s = data.Summary;
        (string Name, object? Value)[] facts =
        [
            ("Kỳ báo cáo", data.Period.Key), ("Số liệu tính đến", data.AsOf), ("Tổng số nhiệm vụ", s.Total), ("Hoàn thành", s.Completed),
            ("Đang thực hiện", s.InProgress), ("Chưa thực hiện", s.NotStarted), ("Quá hạn", s.Overdue), ("Nhiệm vụ khắc phục", s.Improvement),
            ("Tỷ lệ hoàn thành bình quân (%)", s.AveragePercent), ("Báo cáo tiến độ được chấp nhận trong kỳ", data.Narratives.Count), ("Cuộc kiểm tra trong kỳ", data.Visits.Count),
            ("Người lập báo cáo", data.PreparerPosition is null ? data.Preparer : $"{data.Preparer}, {data.PreparerPosition}"),
        ];
        using var book = new ExcelWorkbook();
        book.Sheet("Tổng hợp",
            [new ExcelColumn<(string Name, object? Value)>("Nội dung", 44, f => f.Name), new("Số liệu", 20, f => f.Value)],
            facts, [$"Báo cáo kiểm soát TTHC, triển khai cơ chế một cửa — {data.Unit.Name} — {data.Period.TextVi}"]);
        book.Sheet("Nhiệm vụ",
            [
                new ExcelColumn<(int No, ReportTaskLine Task)>("TT", 6, r => r.No),
                new("Mã nhiệm vụ", 16, r => r.Task.TaskCode),
                new("Nhiệm vụ", 70, r => r.Task.TaskTitle),
                new("Đơn vị thực hiện", 30, r => r.Task.UnitName),
                new("Thời gian hoàn thành", 24, r => r.Task.CompletionText),
                new("Hạn", 12, r => r.Task.DueOn),
                new("Trạng thái", 16, r => StatusVi(r.Task.Status)),
                new("Tỷ lệ (%)", 10, r => r.Task.Percent),
                new("Quá hạn", 10, r => r.Task.Overdue ? "Có" : ""),
                new("Nhiệm vụ khắc phục", 12, r => r.Task.Improvement ? "Có" : ""),
            ],
            data.Tasks.Select((t, i) => (No: i + 1, Task: t)));
        book.Sheet("Báo cáo tiến độ",
            [
                new ExcelColumn<ReportNarrative>("Mã nhiệm vụ", 16, r => r.TaskCode),
                new("Đơn vị", 30, r => r.UnitName),
                new("Loại", 10, r => KindVi(r.Kind)),
                // The day in Vietnam, typed (a text "15/09/2025" would be re-read by ClosedXML in the server's culture).
                new("Ngày gửi", 12, r => DateOnly.FromDateTime(VietnamTime.Of(r.SubmittedAt).Date)),
                new("Trạng thái", 16, r => StatusVi(r.Status)),
                new("Tỷ lệ (%)", 10, r => r.Percent),
                new("Nội dung", 80, r => r.Narrative),
                new("Tài liệu minh chứng", 40, r => string.Join("; ", r.Evidence)),
                new("Ý kiến xem xét", 40, r => r.ReviewComment ?? ""),
                new("Người báo cáo", 26, r => r.SubmittedBy),
                new("Người xem xét", 26, r => r.ReviewedBy ?? ""),
            ],
            data.Narratives);
        book.Sheet("Kiểm tra",
            [
                new ExcelColumn<ReportVisit>("Ngày kiểm tra", 14, v => v.VisitOn),
                new("Đơn vị được kiểm tra", 30, v => v.UnitName),
                new("Nội dung", 60, v => v.Summary),
                new("Kết luận", 60, v => string.Join("; ", v.Findings)),
            ],
            data.Visits);
        return book.ToBytes();
    }
}

internal static class ControlReportEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/control-report", Get).RequirePermission(PlanTasksPermissions.Access)
            .WithSummary("Báo cáo định kỳ (quý, 6 tháng, năm) về kiểm soát TTHC, triển khai cơ chế một cửa của một đơn vị trong phạm vi (format=pdf hoặc xlsx)");

    private static async Task<FileContentHttpResult> Get(ControlReportBuilder builder, Guid? unitId, string? period, string? format, CancellationToken ct)
    {
        var data = await builder.LoadAsync(unitId, period, ct);
        return format == "xlsx"
            ? TypedResults.File(builder.Excel(data), XlsxType, ControlReportBuilder.FileName(data, "xlsx"))
            : TypedResults.File(builder.Pdf(data), "application/pdf", ControlReportBuilder.FileName(data, "pdf"));
    }
}
