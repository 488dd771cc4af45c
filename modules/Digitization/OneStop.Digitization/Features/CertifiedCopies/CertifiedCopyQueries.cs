using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Documents;
using OneStop.Platform.Domain;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Storage;

namespace OneStop.Digitization.Features.CertifiedCopies;

/// <summary>A rendered register (Excel or PDF) with its download name.</summary>
internal sealed record RenderedRegister(byte[] Content, string FileName, string ContentType);

/// <summary>
/// Sổ chứng thực bản sao of the caller's scope (a commune sees its own; a province, its communes'), by year; the people
/// who may certify; the register as Excel and as a printable PDF.
/// </summary>
internal sealed class CertifiedCopyQueries(DigitizationDbContext db, PlatformDbContext platform, ICurrentScope scope, TimeProvider clock)
{
    public const int DefaultPageSize = 20;

    public async Task<CertifiedCopyPage> ListAsync(int year, int? page, int? pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, 200);
        var query = db.CertifiedCopies.AsNoTracking().Where(c => c.Year == year);
        var total = await query.CountAsync(ct);
        var fees = total == 0 ? 0 : await query.SumAsync(c => c.FeeVnd, ct);
        var copies = total == 0 ? 0 : await query.SumAsync(c => c.Copies, ct);
        var pages = Math.Max(1, (total + size - 1) / size);
        var current = Math.Clamp(page ?? 1, 1, pages);
        var rows = await query.OrderBy(c => c.UnitPath).ThenByDescending(c => c.Number).Skip((current - 1) * size).Take(size).ToListAsync(ct);
        return new(await WithDocumentsAsync(rows, ct), total, current, size, fees, copies);
    }

    public async Task<CertifiedCopyDto?> GetAsync(Guid id, CancellationToken ct) =>
        await db.CertifiedCopies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } entry
            ? (await WithDocumentsAsync([entry], ct)).Single()
            : null;

    /// <summary>The years the scope's register has lines in, and the current one.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct)
    {
        var years = await db.CertifiedCopies.AsNoTracking().Select(c => c.Year).Distinct().ToListAsync(ct);
        return years.Append(VietnamTime.Today(clock).Year).Distinct().OrderDescending().ToList();
    }

    /// <summary>
    /// Người thực hiện chứng thực: the leaders (Chủ tịch, Phó Chủ tịch UBND cấp xã — Decree 23/2015 art. 5) of the
    /// caller's unit, with a membership valid today, still in service.
    /// </summary>
    public async Task<IReadOnlyList<CertifyingOfficer>> OfficersAsync(CancellationToken ct)
    {
        var unitId = scope.Unit.UnitId;
        if (unitId == Guid.Empty)
        {
            return [];
        }

        var today = VietnamTime.Today(clock);
        var members = await (from m in platform.UnitMemberships.IgnoreQueryFilters().AsNoTracking()
                             join u in platform.Users.AsNoTracking() on m.UserId equals u.Id
                             where m.UnitId == unitId && u.IsActive
                             select new { m.Roles, m.ValidFrom, m.ValidTo, u.Id, u.FullName, u.Position }).ToListAsync(ct);
        return members.Where(m => m.Roles.Contains(Roles.UnitLeader) && m.ValidFrom <= today && (m.ValidTo is null || m.ValidTo >= today))
            .DistinctBy(m => m.Id).OrderBy(m => m.FullName, StringComparer.Ordinal).Select(m => new CertifyingOfficer(m.Id, m.FullName, m.Position)).ToList();
    }

    public async Task<string> LoginOfAsync(Guid userId, CancellationToken ct) =>
        await platform.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(ct) ?? userId.ToString();

    public async Task<RenderedRegister> ExcelAsync(int year, CancellationToken ct)
    {
        var rows = await AllAsync(year, ct);
        var title = $"Sổ chứng thực bản sao từ bản chính — {scope.Unit.Name} — năm {year}";
        using var book = new ExcelWorkbook().Sheet("Sổ chứng thực bản sao", Columns.Select((c, i) => new ExcelColumn<object?[]>(c.Head, c.Excel, r => r[i], c.Format)).ToList(),
            rows.Select(Cells), [title], [["", "", "", "", "", "", rows.Sum(r => r.Copies), rows.Sum(r => r.FeeVnd), "Tổng cộng", ""]]);
        return new(book.ToBytes(), $"So chung thuc ban sao {year}.xlsx", ExcelWorkbook.ContentType);
    }

    /// <summary>The printable register: A4 landscape, the columns of the register of Circular 01/2020/TT-BTP.</summary>
    public async Task<RenderedRegister> PdfAsync(int year, CancellationToken ct)
    {
        var rows = await AllAsync(year, ct);
        using var pdf = new PdfWriter($"Sổ chứng thực bản sao từ bản chính {year}", "UBND " + scope.Unit.Name) { Margin = 36 };
        pdf.NewPage(landscape: true)
            .Text("ỦY BAN NHÂN DÂN " + scope.Unit.Name.ToUpperInvariant(), 10, bold: true, align: PdfSharp.Drawing.XStringAlignment.Near, spaceAfter: 8)
            .Text("SỔ CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH", 14, bold: true, spaceAfter: 1)
            .Text($"Quyển số {year}-SCT/BS — {rows.Count} việc chứng thực, phí {rows.Sum(r => r.FeeVnd):N0} đồng", 10, italic: true, spaceAfter: 8);
        pdf.Row(Columns.Select(c => (c.Head, c.Pdf)).ToList(), size: 8, bold: true, fill: PdfSharp.Drawing.XColors.LightGray);
        foreach (var r in rows)
        {
            pdf.Row(Cells(r).Select((v, i) => (Text(v), Columns[i].Pdf)).ToList(), size: 8);
        }

        if (rows.Count == 0)
        {
            pdf.Text("Chưa có việc chứng thực nào trong năm này.", 10, italic: true);
        }

        return new(pdf.ToArray(), $"So chung thuc ban sao {year}.pdf", FileTypes.Pdf);
    }

    private static readonly (string Head, double Pdf, double Excel, string? Format)[] Columns =
    [
        ("Số chứng thực", 0.09, 16, null), ("Ngày chứng thực", 0.08, 14, ExcelWorkbook.DateFormat), ("Họ tên người yêu cầu chứng thực", 0.14, 28, null),
        ("Tên bản chính giấy tờ, văn bản", 0.19, 40, null), ("Cơ quan cấp bản chính", 0.14, 30, null), ("Số trang", 0.05, 8, "0"),
        ("Số bản sao", 0.05, 8, "0"), ("Phí (đồng)", 0.07, 12, "#,##0"), ("Người thực hiện chứng thực", 0.12, 28, null), ("Ghi chú", 0.07, 24, null),
    ];

    private static object?[] Cells(CertifiedCopyDto r) =>
        [r.RegisterNumber, r.CertifiedOn, r.RequesterName, r.DocumentName, r.IssuingBody, r.Pages, r.Copies, r.FeeVnd,
         (r.OfficerPosition is { Length: > 0 } p ? p + " " : "") + r.OfficerName,
         string.Join("; ", new[] { r.DossierCode is null ? null : "Hồ sơ " + r.DossierCode, "Bản sao điện tử " + r.DigitizedCode, r.Note }.Where(x => !string.IsNullOrEmpty(x)))];

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("dd/MM/yyyy"),
        long l => l.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")),
        _ => value.ToString() ?? "",
    };

    private async Task<List<CertifiedCopyDto>> AllAsync(int year, CancellationToken ct)
    {
        var rows = await db.CertifiedCopies.AsNoTracking().Where(c => c.Year == year).OrderBy(c => c.UnitPath).ThenBy(c => c.Number).ToListAsync(ct);
        return await WithDocumentsAsync(rows, ct);
    }

    private async Task<List<CertifiedCopyDto>> WithDocumentsAsync(IReadOnlyList<Domain.CertifiedCopy> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.DocumentId).ToList();
        var documents = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        return rows.Select(r => CertifiedCopyDto.From(r, documents.GetValueOrDefault(r.DocumentId))).ToList();
    }
}
