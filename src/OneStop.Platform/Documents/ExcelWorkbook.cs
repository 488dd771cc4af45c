using ClosedXML.Excel;
using OneStop.Platform.Domain;

namespace OneStop.Platform.Documents;

/// <summary>
/// The platform's Excel exports: one table a sheet, with optional title rows above it (title, blank, head), a bold,
/// wrapped, frozen head row with an autofilter, and optional bold total rows below. Keeps the modules' registers and
/// reports looking alike without each building its own ClosedXML workbook.
/// </summary>
public sealed class ExcelWorkbook : IDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Date-times are written in Vietnam time with this format unless the column has its own.</summary>
    public const string DateTimeFormat = "dd/MM/yyyy HH:mm";

    public const string DateFormat = "dd/MM/yyyy";

    private readonly XLWorkbook _book = new();

    /// <summary>Adds a sheet; <paramref name="titles"/> go bold in the first rows, one a row, then a blank row before the head.</summary>
    public ExcelWorkbook Sheet<T>(string name, IReadOnlyList<ExcelColumn<T>> columns, IEnumerable<T> rows,
        IReadOnlyList<string>? titles = null, IEnumerable<IReadOnlyList<object?>>? totals = null)
    {
        var sheet = _book.Worksheets.Add(name);
        titles ??= [];
        for (var t = 0; t < titles.Count; t++)
        {
            sheet.Cell(t + 1, 1).Value = titles[t];
            sheet.Cell(t + 1, 1).Style.Font.Bold = true;
        }

        var headRow = titles.Count == 0 ? 1 : titles.Count + 2;
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(headRow, c + 1).Value = columns[c].Head;
            sheet.Column(c + 1).Width = columns[c].Width;
        }

        var r = headRow + 1;
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                Write(sheet.Cell(r, c + 1), columns[c].Value(row), columns[c].Format);
            }

            r++;
        }

        var lastData = r - 1;
        foreach (var total in totals ?? [])
        {
            for (var c = 0; c < total.Count && c < columns.Count; c++)
            {
                Write(sheet.Cell(r, c + 1), total[c], columns[c].Format);
            }

            sheet.Row(r).Style.Font.Bold = true;
            r++;
        }

        var head = sheet.Range(headRow, 1, headRow, Math.Max(1, columns.Count));
        head.Style.Font.Bold = true;
        head.Style.Alignment.WrapText = true;
        // The filter covers the data only, so sorting never moves the totals.
        sheet.Range(headRow, 1, Math.Max(headRow, lastData), Math.Max(1, columns.Count)).SetAutoFilter();
        sheet.SheetView.FreezeRows(headRow);
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        _book.SaveAs(stream);
        return stream.ToArray();
    }

    public void Dispose() => _book.Dispose();

    private static void Write(IXLCell cell, object? value, string? format)
    {
        switch (value)
        {
            case null:
                cell.Value = "";
                return;
            case DateTimeOffset t:
                cell.Value = VietnamTime.ToLocal(t);
                cell.Style.DateFormat.Format = format ?? DateTimeFormat;
                return;
            case DateOnly d:
                cell.Value = d.ToDateTime(TimeOnly.MinValue);
                cell.Style.DateFormat.Format = format ?? DateFormat;
                return;
            case DateTime d:
                cell.Value = d;
                cell.Style.DateFormat.Format = format ?? DateFormat;
                return;
            default:
                cell.Value = value;
                if (format is not null && value is not string)
                {
                    cell.Style.NumberFormat.Format = format;
                }

                return;
        }
    }
}
