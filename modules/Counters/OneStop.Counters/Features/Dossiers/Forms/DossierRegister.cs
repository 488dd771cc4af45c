using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.People;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Platform.Domain;
using OneStop.Platform.Documents;

namespace OneStop.Counters.Features.Dossiers.Forms;

internal sealed record RegisterRow(
    int No, string Code, string ProcedureName, string ApplicantName, string ApplicantContact, string ResolvingUnitName,
    DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? SentToResolverAt, DateTimeOffset? ResultBackAt,
    DateTimeOffset? ReturnedAt, string Note, string ReceivingUnitName);

/// <summary>
/// Sổ theo dõi hồ sơ: the dossiers received in a period by the units in the caller's scope, one line each with the
/// dates the register asks for; as an A4 landscape PDF (Mẫu 06 of 2018 / Mẫu 07 of 2025) or an Excel sheet.
/// </summary>
internal sealed class DossierRegister(CountersDbContext db, ICurrentScope scope, TimeProvider time, IPeopleDirectory people)
{
    /// <summary>A register covers at most a year: the book is kept per year (quyển số = năm).</summary>
    public const int MaxDays = 366;

    public (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to)
    {
        var today = FormLayout.VietnamDate(time.GetUtcNow());
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, end.Month, 1);
        if (start > end || end.DayNumber - start.DayNumber >= MaxDays)
        {
            throw new PlatformException(PlatformErrorCodes.ValidationFailed, 400, MaxDays) { MessageCode = CountersMessages.RegisterPeriodInvalid };
        }

        return (start, end);
    }

    public async Task<IReadOnlyList<RegisterRow>> RowsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = VietnamTime.FromLocal(from.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
        var end = VietnamTime.FromLocal(to.AddDays(1).ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
        var dossiers = await db.Dossiers.AsNoTracking().Include(d => d.Handovers)
            .Where(d => d.ReceivedAt != null && d.ReceivedAt >= start && d.ReceivedAt < end)
            .OrderBy(d => d.ReceivedAt).ThenBy(d => d.Code).AsSplitQuery().ToListAsync(ct);
        var now = time.GetUtcNow();
        var names = await people.NamesAsync(dossiers.Select(DossierPeople.Receiver), ct);
        // The register has no officer column: the note names who received the dossier at the desk.
        // A line's number is the dossier's in the unit's book of the year (the receipt prints the same), else its place here.
        return dossiers.Select((d, i) => new RegisterRow(
            d.RegisterNumber ?? i + 1, d.Code, d.ProcedureName, d.ApplicantName,
            string.Join(", ", new[] { d.ApplicantAddress, d.ApplicantPhone }.Where(x => !string.IsNullOrWhiteSpace(x))),
            d.ResolvingUnitName, d.ReceivedAt, d.DueAt,
            d.Handovers.Where(h => h.Kind is HandoverKinds.Assignment or HandoverKinds.Routing).OrderBy(h => h.Order).Select(h => (DateTimeOffset?)h.SentAt).FirstOrDefault(),
            d.Handovers.Where(h => h.Kind == HandoverKinds.Result).Select(h => (DateTimeOffset?)h.SentAt).FirstOrDefault(),
            d.ReturnedAt,
            DossierStatuses.NameVi(d.Status) + (d.IsOverdueAt(now) ? "; quá hạn" : "") + "; người tiếp nhận: " + names.Name(DossierPeople.Receiver(d))
                // A successor's register lists its predecessors' dossiers too: each says where it was received.
                + (d.ReceivingUnitName == scope.Unit.Name ? "" : "; tiếp nhận tại " + d.ReceivingUnitName),
            d.ReceivingUnitName)).ToList();
    }

    private static readonly (string Head, double Pdf, double Excel)[] Columns =
    [
        ("TT", 0.03, 5), ("Mã hồ sơ", 0.11, 20), ("Tên thủ tục hành chính", 0.12, 40), ("Số lượng hồ sơ (bộ)", 0.04, 8),
        ("Tên cá nhân, tổ chức", 0.09, 24), ("Địa chỉ, số điện thoại", 0.09, 28), ("Cơ quan chủ trì giải quyết", 0.08, 24),
        ("Nhận hồ sơ", 0.06, 16), ("Hẹn trả kết quả", 0.06, 16), ("Chuyển hồ sơ đến cơ quan giải quyết", 0.06, 16),
        ("Nhận kết quả từ cơ quan giải quyết", 0.06, 16), ("Trả kết quả cho cá nhân, tổ chức", 0.06, 16), ("Ký nhận", 0.05, 10), ("Ghi chú", 0.09, 36),
    ];

    private static object?[] Cells(RegisterRow r) =>
        [r.No, r.Code, r.ProcedureName, 1, r.ApplicantName, r.ApplicantContact, r.ResolvingUnitName, r.ReceivedAt, r.DueAt, r.SentToResolverAt, r.ResultBackAt, r.ReturnedAt, "", r.Note];

    public async Task<RenderedForm> PdfAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (start, end) = Period(from, to);
        var rows = await RowsAsync(start, end, ct);
        // The register is kept under the circular in force at the end of the period.
        var set = LegalFormSets.InForceOn(end);
        var form = set.Find(FormKinds.Register)!;
        // The register is the book of the unit that received: a period before a reorganisation shows that unit.
        var receivers = rows.Select(r => r.ReceivingUnitName).Distinct().ToList();
        var unit = receivers.Count == 1 ? receivers[0] : scope.Unit.Name;
        using var pdf = FormLayout.A4Landscape($"{form.FileName} {start:dd/MM/yyyy} - {end:dd/MM/yyyy}", "UBND " + unit);
        FormLayout.Head(pdf, set, form, unit, $"{start:yyyy}", time.GetUtcNow(), size: 9);
        pdf.Text(form.Title, 14, bold: true, spaceAfter: 1)
            .Text($"Từ ngày {start:dd/MM/yyyy} đến ngày {end:dd/MM/yyyy} — {rows.Count} hồ sơ", 10, italic: true, spaceAfter: 8);
        pdf.Row(Columns.Select(c => (c.Head, c.Pdf)).ToList(), size: 7, bold: true, fill: PdfSharp.Drawing.XColors.LightGray);
        foreach (var r in rows)
        {
            pdf.Row(Cells(r).Select((v, i) => (Text(v), Columns[i].Pdf)).ToList(), size: 7);
        }

        if (rows.Count == 0)
        {
            pdf.Text("Không có hồ sơ tiếp nhận trong khoảng thời gian này.", 10, italic: true);
        }

        return new(pdf.ToArray(), $"{form.FileName} {start:yyyy-MM-dd} đến {end:yyyy-MM-dd}.pdf");
    }

    public async Task<RenderedForm> ExcelAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (start, end) = Period(from, to);
        var rows = await RowsAsync(start, end, ct);
        var title = $"Sổ theo dõi hồ sơ — {scope.Unit.Name} — từ ngày {start:dd/MM/yyyy} đến ngày {end:dd/MM/yyyy}";
        using var book = new ExcelWorkbook().Sheet("Sổ theo dõi hồ sơ", Columns.Select((c, i) => new ExcelColumn<object?[]>(c.Head, c.Excel, r => r[i])).ToList(), rows.Select(Cells), [title]);
        return new(book.ToBytes(), $"Sổ theo dõi hồ sơ {start:yyyy-MM-dd} đến {end:yyyy-MM-dd}.xlsx", ExcelWorkbook.ContentType);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTimeOffset t => FormLayout.Short(t),
        _ => value.ToString() ?? "",
    };
}
