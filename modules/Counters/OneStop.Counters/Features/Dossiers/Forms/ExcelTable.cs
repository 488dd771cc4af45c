using ClosedXML.Excel;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Features.Dossiers.Forms;

/// <summary>One-sheet Excel exports of the module (the register, the overdue board): a title, a bold head row, data rows.</summary>
internal static class ExcelTable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(string sheetName, string title, IReadOnlyList<(string Head, double Width)> columns, IEnumerable<object?[]> rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(sheetName);
        sheet.Cell(1, 1).Value = title;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        for (var i = 0; i < columns.Count; i++)
        {
            sheet.Cell(3, i + 1).Value = columns[i].Head;
            // Fixed widths: ClosedXML 0.95's AdjustToContents measures text with System.Drawing, which Linux lacks.
            sheet.Column(i + 1).Width = columns[i].Width;
        }

        var head = sheet.Range(3, 1, 3, columns.Count);
        head.Style.Font.Bold = true;
        head.Style.Alignment.WrapText = true;
        var r = 4;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                sheet.Cell(r, i + 1).Value = row[i] switch
                {
                    null => "",
                    DateTimeOffset t => VietnamTime.ToLocal(t),
                    var v => v,
                };
                if (row[i] is DateTimeOffset)
                {
                    sheet.Cell(r, i + 1).Style.DateFormat.Format = "dd/MM/yyyy HH:mm";
                }
            }

            r++;
        }

        sheet.SheetView.FreezeRows(3);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }
}
