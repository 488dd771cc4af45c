using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Integration.Contracts;
using OneStop.Integration.Features.Payments;
using OneStop.Integration.Infrastructure;
using OneStop.Platform.Documents;
using OneStop.Platform.Permissions;

namespace OneStop.Integration.Pages;

/// <summary>
/// Chênh lệch đối soát thanh toán: what the daily reconciliation with the payment platform found (ADR 0049) — a payment
/// only one side has, or a different amount —, newest day first, filtered by a range of days, 50 a page, and as Excel.
/// Province-wide (no unit, no person), for those who read the exchanges with the national systems.
/// </summary>
[Permission(IntegrationPermissions.ExchangesRead)]
internal sealed class PaymentMismatchesModel(IntegrationDbContext db) : PageModel
{
    public const int PageSize = 50;
    public const int MaxExported = 10_000;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PaymentMismatchDto> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>What each kind means, in Vietnamese: the page and the workbook show names, never the stored codes.</summary>
    public static string KindName(string kind) => kind switch
    {
        PaymentMismatch.MissingHere => "Nền tảng đã thu, hệ thống chưa ghi nhận",
        PaymentMismatch.MissingOnPlatform => "Hệ thống ghi nhận, nền tảng không có",
        PaymentMismatch.AmountDiffers => "Số tiền khác nhau",
        _ => "Khác",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Filtered();
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Items = await Ordered(query).Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(Dto).ToListAsync(ct);
    }

    /// <summary>The filtered list as an Excel workbook (at most <see cref="MaxExported"/> rows).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await Ordered(Filtered()).Take(MaxExported).Select(Dto).ToListAsync(ct);
        var range = (From, To) switch
        {
            (null, null) => "mọi ngày",
            _ => $"{Day(From)} – {Day(To)}",
        };
        using var book = new ExcelWorkbook().Sheet("Chênh lệch đối soát",
        [
            new ExcelColumn<PaymentMismatchDto>("Ngày đối soát", 14, m => m.Day.ToDateTime(TimeOnly.MinValue), ExcelWorkbook.DateFormat),
            new ExcelColumn<PaymentMismatchDto>("Mã thanh toán", 30, m => m.Reference),
            new ExcelColumn<PaymentMismatchDto>("Loại chênh lệch", 40, m => KindName(m.Kind)),
            new ExcelColumn<PaymentMismatchDto>("Số tiền hệ thống ghi nhận (đồng)", 20, m => m.OurAmountVnd, "#,##0"),
            new ExcelColumn<PaymentMismatchDto>("Số tiền nền tảng ghi nhận (đồng)", 20, m => m.PlatformAmountVnd, "#,##0"),
            new ExcelColumn<PaymentMismatchDto>("Mã giao dịch", 28, m => m.TransactionId),
            new ExcelColumn<PaymentMismatchDto>("Phát hiện lúc", 18, m => OneStop.Platform.Domain.VietnamTime.Of(m.FoundAt).DateTime, ExcelWorkbook.DateTimeFormat),
        ], rows, [$"Chênh lệch đối soát thanh toán trực tuyến — {range}"]);
        return File(book.ToBytes(), ExcelWorkbook.ContentType, "Chênh lệch đối soát thanh toán.xlsx");
    }

    public static string Day(DateOnly? day) => day?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "…";

    private IQueryable<PaymentMismatch> Filtered()
    {
        var query = db.PaymentMismatches.AsNoTracking();
        if (From is { } from)
        {
            query = query.Where(m => m.Day >= from);
        }

        if (To is { } to)
        {
            query = query.Where(m => m.Day <= to);
        }

        return query;
    }

    private static IQueryable<PaymentMismatch> Ordered(IQueryable<PaymentMismatch> query) =>
        query.OrderByDescending(m => m.Day).ThenBy(m => m.Reference).ThenBy(m => m.Kind);

    private static readonly System.Linq.Expressions.Expression<Func<PaymentMismatch, PaymentMismatchDto>> Dto =
        m => new PaymentMismatchDto(m.Day, m.Reference, m.Kind, m.OurAmountVnd, m.PlatformAmountVnd, m.TransactionId, m.FoundAt);
}
