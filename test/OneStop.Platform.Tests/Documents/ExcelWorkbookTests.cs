using ClosedXML.Excel;
using OneStop.Platform.Documents;

namespace OneStop.Platform.Tests.Documents;

public sealed class ExcelWorkbookTests
{
    private sealed record Line(string Name, DateTimeOffset At, DateOnly Due, decimal Fee);

    [Fact]
    public void A_sheet_reads_back_with_its_title_head_typed_cells_and_frozen_head()
    {
        Line[] lines = [new("Nguyễn Văn A", new DateTimeOffset(2025, 9, 15, 3, 30, 0, TimeSpan.Zero), new DateOnly(2025, 9, 30), 150000m)];
        using var book = new ExcelWorkbook().Sheet("Sổ theo dõi",
            [
                new ExcelColumn<Line>("Họ và tên", 26, l => l.Name),
                new("Tiếp nhận", 18, l => l.At),
                new("Hạn", 12, l => l.Due),
                new("Lệ phí", 14, l => l.Fee, "#,##0"),
            ],
            lines, ["Sổ theo dõi hồ sơ — Xã A"], totals: [[null, null, "Tổng cộng", 150000m]]);

        using var read = new XLWorkbook(new MemoryStream(book.ToBytes()));
        var sheet = read.Worksheet("Sổ theo dõi");
        sheet.Cell(1, 1).GetString().ShouldBe("Sổ theo dõi hồ sơ — Xã A");
        sheet.Cell(1, 1).Style.Font.Bold.ShouldBeTrue();
        sheet.Row(3).Cells(1, 4).Select(c => c.GetString()).ShouldBe(["Họ và tên", "Tiếp nhận", "Hạn", "Lệ phí"]);
        sheet.Cell(3, 1).Style.Font.Bold.ShouldBeTrue();
        sheet.SheetView.SplitRow.ShouldBe(3);
        sheet.AutoFilter.IsEnabled.ShouldBeTrue();
        sheet.Column(1).Width.ShouldBe(26);

        // Date-times are written in Vietnam time (UTC+7), typed, so Excel sorts and filters them as dates.
        sheet.Cell(4, 2).GetDateTime().ShouldBe(new DateTime(2025, 9, 15, 10, 30, 0));
        sheet.Cell(4, 2).Style.DateFormat.Format.ShouldBe("dd/MM/yyyy HH:mm");
        sheet.Cell(4, 3).GetDateTime().ShouldBe(new DateTime(2025, 9, 30));
        sheet.Cell(4, 3).Style.DateFormat.Format.ShouldBe("dd/MM/yyyy");
        sheet.Cell(4, 4).GetDouble().ShouldBe(150000);
        sheet.Cell(4, 4).Style.NumberFormat.Format.ShouldBe("#,##0");
        sheet.Cell(5, 3).GetString().ShouldBe("Tổng cộng");
        sheet.Cell(5, 3).Style.Font.Bold.ShouldBeTrue();
    }

    [Fact]
    public void Without_titles_the_head_is_the_first_row()
    {
        using var book = new ExcelWorkbook().Sheet("Bảng", [new ExcelColumn<int>("TT", 6, n => n)], [1, 2]);
        using var read = new XLWorkbook(new MemoryStream(book.ToBytes()));
        var sheet = read.Worksheet("Bảng");
        sheet.Cell(1, 1).GetString().ShouldBe("TT");
        sheet.Cell(3, 1).GetDouble().ShouldBe(2);
        sheet.SheetView.SplitRow.ShouldBe(1);
    }
}
