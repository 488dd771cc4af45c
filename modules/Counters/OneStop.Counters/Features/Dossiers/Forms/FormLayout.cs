using System.Globalization;
using OneStop.Platform.Calendar;
using OneStop.Platform.People;
using OneStop.Platform.Documents;
using PdfSharp.Drawing;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Features.Dossiers.Forms;

/// <summary>The parts every legal form shares: the form number and its circular, the two-column head with the national motto, dates written out, signature blocks.</summary>
internal static class FormLayout
{
    private static readonly CultureInfo Vi = OneStop.Platform.Localization.Vietnamese.Culture;

    /// <summary>A5 portrait for the single-dossier forms; narrower margins than the A4 default so a form fits one sheet.</summary>
    public static PdfWriter A5(string title, string author)
    {
        var pdf = new PdfWriter(title, author) { Margin = 30 };
        pdf.NewPage(size: PdfSharp.PageSize.A5);
        return pdf;
    }

    public static PdfWriter A4Landscape(string title, string author)
    {
        var pdf = new PdfWriter(title, author) { Margin = 28 };
        pdf.NewPage(landscape: true);
        return pdf;
    }

    /// <summary>"Mẫu số 01 (Ban hành kèm theo …)", then agency | Quốc hiệu, tiêu ngữ; then "Số: …" | place and date.</summary>
    public static void Head(PdfWriter pdf, LegalFormSet set, LegalForm form, string unitName, string number, DateTimeOffset at, double size = 8.5) =>
        Head(pdf, set, form, new FormIssuer(unitName, FormIssuer.OneStopDesk), number, at, size);

    public static void Head(PdfWriter pdf, LegalFormSet set, LegalForm form, FormIssuer issuer, string number, DateTimeOffset at, double size = 8.5)
    {
        var unitName = issuer.UnitName;
        pdf.Text($"Mẫu số {form.Number}", size, bold: true, align: XStringAlignment.Far, spaceAfter: 0)
            .Text($"({set.Basis})", size - 1.5, italic: true, align: XStringAlignment.Far, spaceAfter: 4);
        pdf.Columns(
        [
            (0.46, [new PdfLine(("UBND " + unitName).ToUpper(Vi), size), new PdfLine(issuer.DeskTitle, size - 1, Bold: true, Underline: true)]),
            (0.54, [new PdfLine("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size, Bold: true), new PdfLine("Độc lập - Tự do - Hạnh phúc", size + 0.5, Bold: true, Underline: true)]),
        ], spaceAfter: 2);
        pdf.Columns(
        [
            (0.46, [new PdfLine($"Số: {number}", size)]),
            (0.54, [new PdfLine($"{unitName}, {LongDate(at)}", size, Italic: true)]),
        ], spaceAfter: 8);
    }

    public static void Title(PdfWriter pdf, LegalForm form, string dossierCode, double size = 11.5)
    {
        pdf.Text(form.Title, size, bold: true, spaceAfter: 1)
            .Text($"Mã hồ sơ: {dossierCode}", size - 2, bold: true, spaceAfter: 8);
    }

    public static void Line(PdfWriter pdf, string text, double size = 9.5, bool bold = false, bool italic = false) =>
        pdf.Text(text, size, bold: bold, italic: italic, align: XStringAlignment.Near, spaceAfter: 1.5);

    /// <summary>A signature block for an officer on record by login: the full name, and the title under it.</summary>
    public static SignatureBlock Signer(string role, string hint, PeopleNames names, string? login) =>
        new(role, hint, names.Name(login), names.Position(login));

    /// <summary>Signature blocks side by side: a role line, "(Ký và ghi rõ họ tên)", room to sign, the name, the title if any.</summary>
    public static void Signatures(PdfWriter pdf, params SignatureBlock[] blocks)
    {
        pdf.EnsureSpace(90).Space(8);
        var width = 1.0 / blocks.Length;
        pdf.Columns(blocks.Select(b => (width, (IReadOnlyList<PdfLine>)
        [
            new PdfLine(b.Role, 9, Bold: true),
            new PdfLine(b.Hint, 8, Italic: true),
            new PdfLine(" ", 9), new PdfLine(" ", 9), new PdfLine(" ", 9),
            new PdfLine(b.Name ?? " ", 9, Bold: true),
            .. b.Position is null ? Array.Empty<PdfLine>() : [new PdfLine(b.Position, 8, Italic: true)],
        ])).ToList());
    }

    /// <summary>"ngày 07 tháng 12 năm 2026" in Vietnam time.</summary>
    public static string LongDate(DateTimeOffset at)
    {
        var local = VietnamTime.ToLocal(at);
        return $"ngày {local:dd} tháng {local:MM} năm {local:yyyy}";
    }

    /// <summary>"09 giờ 00 phút, ngày 07/12/2026" in Vietnam time; a dash when unknown.</summary>
    public static string Moment(DateTimeOffset? at)
    {
        if (at is not { } instant)
        {
            return "—";
        }

        var local = VietnamTime.ToLocal(instant);
        return $"{local:HH} giờ {local:mm} phút, ngày {local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";
    }

    /// <summary>"07/12/2026 09:00" for table cells.</summary>
    public static string Short(DateTimeOffset? at) =>
        at is { } instant ? VietnamTime.ToLocal(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "";

    public static DateOnly VietnamDate(DateTimeOffset at) => DateOnly.FromDateTime(VietnamTime.ToLocal(at));
}
