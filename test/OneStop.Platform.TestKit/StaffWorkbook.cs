using ClosedXML.Excel;

namespace OneStop.Platform.TestKit;

/// <summary>A staff workbook as an administrator fills it in: a heading row, then a person per row.</summary>
public static class StaffWorkbook
{
    public static readonly string[] Headings = ["Tên đăng nhập", "Họ và tên", "Chức danh", "Thư điện tử", "Điện thoại", "Mã đơn vị", "Mã cơ quan", "Vai trò"];

    public static byte[] Create(IReadOnlyList<string[]> rows, IReadOnlyList<string>? headings = null)
    {
        headings ??= Headings;
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Cán bộ");
        for (var c = 0; c < headings.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = headings[c];
        }

        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 2, c + 1).Value = rows[r][c];
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
