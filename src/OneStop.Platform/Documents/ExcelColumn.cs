namespace OneStop.Platform.Documents;

/// <summary>
/// One column of an <see cref="ExcelWorkbook"/> sheet: its head text, a fixed width (ClosedXML 0.95's AdjustToContents
/// measures text with System.Drawing, which Linux lacks), the cell value of a row, and an optional Excel number format
/// (e.g. "#,##0" for money, "0.0" for a rate, "dd/MM/yyyy" for a date).
/// </summary>
public sealed record ExcelColumn<T>(string Head, double Width, Func<T, object?> Value, string? Format = null);
