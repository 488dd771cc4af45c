using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OneStop.Platform.Web;
using OneStop.Integration.Features.Payments;

namespace OneStop.Integration.Simulators;

/// <summary>An order as the simulated platform keeps it.</summary>
internal sealed class SimulatedPaymentOrder
{
    public string OrderId { get; init; } = "";
    public string Reference { get; init; } = "";
    public long Amount { get; set; }
    public string Description { get; init; } = "";
    public string ReturnUrl { get; init; } = "";
    public string CallbackUrl { get; init; } = "";
    public string? TransactionId { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    /// <summary>What the platform's statement shows (a test may make it differ from what was paid, as a faulty day would).</summary>
    public long? StatementAmount { get; set; }
}

/// <summary>
/// Stand-in for the national payment platform (Nền tảng thanh toán trên Cổng Dịch vụ công quốc gia), following its
/// documented flow: the merchant's server creates an order (<c>POST /sandbox/payment/orders</c>: reference, amount,
/// return and callback addresses), the payer's browser is sent to <c>/sandbox/payment/pay/{orderId}</c>, "Thanh toán"
/// there makes the platform POST a signed callback (HMAC-SHA256, <see cref="PaymentSignature"/>) to the merchant and
/// send the browser back to the return address; <c>GET /sandbox/payment/statement?date=</c> is the day's statement for
/// reconciliation. Slow or failing as <see cref="SandboxBehaviour"/> says for "payment". Orders live in this process
/// only, as a real platform's live on its side.
/// </summary>
internal sealed class PaymentPlatformSimulator(IConfiguration configuration, IHttpClientFactory http, TimeProvider clock, ILogger<PaymentPlatformSimulator> logger)
{
    private readonly ConcurrentDictionary<string, SimulatedPaymentOrder> _orders = new();
    private long _transactions;

    public string Secret => configuration["Integration:Payments:Secret"] is { Length: > 0 } s ? s : PaymentSettings.SandboxSecret;

    public SimulatedPaymentOrder? Find(string orderId) => _orders.GetValueOrDefault(orderId);

    public SimulatedPaymentOrder? FindByReference(string reference) => _orders.Values.FirstOrDefault(o => o.Reference == reference);

    public SimulatedPaymentOrder Create(string reference, long amount, string description, string returnUrl, string callbackUrl)
    {
        // The platform keeps one order per merchant reference: asking again gives the same order.
        if (FindByReference(reference) is { } existing)
        {
            return existing;
        }

        var order = new SimulatedPaymentOrder
        {
            OrderId = "PO" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(), Reference = reference, Amount = amount,
            Description = description, ReturnUrl = returnUrl, CallbackUrl = callbackUrl,
        };
        _orders[order.OrderId] = order;
        return order;
    }

    /// <summary>The callback the platform sends for a paid order, signed.</summary>
    public PaymentCallbackBody CallbackOf(SimulatedPaymentOrder order)
    {
        var paidAt = order.PaidAt!.Value.ToString("O", CultureInfo.InvariantCulture);
        return new PaymentCallbackBody(order.Reference, order.TransactionId, order.Amount, paidAt, "PAID",
            PaymentSignature.Sign(Secret, order.Reference, order.TransactionId!, order.Amount, paidAt, "PAID"));
    }

    /// <summary>Pays the order (once: paying again keeps the first transaction) and posts the callback; false when the merchant refused it.</summary>
    public async Task<bool> PayAsync(SimulatedPaymentOrder order, CancellationToken ct)
    {
        lock (order)
        {
            if (order.TransactionId is null)
            {
                order.TransactionId = "GD" + clock.GetUtcNow().ToString("yyMMdd", CultureInfo.InvariantCulture) + Interlocked.Increment(ref _transactions).ToString("D6", CultureInfo.InvariantCulture);
                order.PaidAt = clock.GetUtcNow();
            }
        }

        try
        {
            using var response = await http.CreateClient(PaymentSettings.HttpClientName).PostAsJsonAsync(order.CallbackUrl, CallbackOf(order), ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Simulated payment platform: callback for {Reference} answered {Status}", order.Reference, (int)response.StatusCode);
            }

            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "Simulated payment platform: callback for {Reference} failed", order.Reference);
            return false;
        }
    }

    /// <summary>The statement of <paramref name="day"/> (Vietnam time): the orders paid that day.</summary>
    public IReadOnlyList<StatementLine> Statement(DateOnly day) => _orders.Values
        .Where(o => o.PaidAt is { } at && OneStop.Platform.Domain.VietnamTime.DayOf(at) == day)
        .OrderBy(o => o.PaidAt)
        .Select(o => new StatementLine(o.Reference, o.TransactionId!, o.StatementAmount ?? o.Amount, o.PaidAt!.Value))
        .ToList();

    internal sealed record OrderBody(string? Reference, long Amount, string? Description, string? ReturnUrl, string? CallbackUrl);

    public static void Map(IEndpointRouteBuilder sandbox)
    {
        var payment = sandbox.MapGroup("/" + PaymentSettings.SystemKey);
        payment.MapPost("/orders", async (OrderBody body, PaymentPlatformSimulator simulator, SandboxBehaviour behaviour, HttpContext context, CancellationToken ct) =>
        {
            if (await behaviour.ShouldFailAsync(PaymentSettings.SystemKey, ct))
            {
                return Results.Json(new { error = "service_unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            if (string.IsNullOrWhiteSpace(body.Reference) || body.Reference.Length > 64 || body.Amount <= 0
                || string.IsNullOrWhiteSpace(body.ReturnUrl) || !Uri.TryCreate(body.CallbackUrl, UriKind.Absolute, out _))
            {
                return Results.BadRequest(new { error = "invalid_order" });
            }

            var order = simulator.Create(body.Reference, body.Amount, body.Description ?? "", body.ReturnUrl, body.CallbackUrl!);
            var self = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
            return Results.Ok(new { orderId = order.OrderId, paymentUrl = $"{self}/sandbox/{PaymentSettings.SystemKey}/pay/{order.OrderId}" });
        });
        payment.MapGet("/pay/{orderId}", (string orderId, PaymentPlatformSimulator simulator) =>
            simulator.Find(orderId) is { } order ? Page(PayPage(order)) : Page(Message("Không tìm thấy đơn hàng", "Đơn hàng không tồn tại hoặc đã hết hạn."), 404));
        payment.MapPost("/pay/{orderId}", async (string orderId, HttpContext context, PaymentPlatformSimulator simulator, CancellationToken ct) =>
        {
            if (simulator.Find(orderId) is not { } order)
            {
                return Page(Message("Không tìm thấy đơn hàng", "Đơn hàng không tồn tại hoặc đã hết hạn."), 404);
            }

            var form = await context.Request.ReadFormAsync(ct);
            if (form["action"] != "pay")
            {
                return BackToMerchant(context, WithQuery(order.ReturnUrl, "status", "cancelled"));
            }

            var accepted = await simulator.PayAsync(order, ct);
            return BackToMerchant(context, WithQuery(order.ReturnUrl, "status", accepted ? "paid" : "callback-failed"));
        }).DisableAntiforgery();
        payment.MapGet("/statement", (DateOnly date, PaymentPlatformSimulator simulator) => Results.Ok(simulator.Statement(date)));
    }

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string WithQuery(string url, string key, string value) =>
        url + (url.Contains('?') ? "&" : "?") + key + "=" + Uri.EscapeDataString(value);

    /// <summary>
    /// A 302 when the merchant's page is on this page's origin; otherwise a page that navigates there. This simulator is
    /// served by our host, under its Content-Security-Policy (<c>form-action 'self'</c>), which stops a browser from
    /// following a form's redirect to another origin; the real platform, on its own site, is not subject to it.
    /// </summary>
    private static IResult BackToMerchant(HttpContext http, string location)
    {
        if (ContentSecurityPolicy.FormMayRedirectTo(http.Request, location))
        {
            return Results.Redirect(location);
        }

        var head = Head("Đang quay về cổng dịch vụ công").Replace("</head>", $"<meta http-equiv=\"refresh\" content=\"0;url={Html.Encode(location)}\" /></head>", StringComparison.Ordinal);
        return Page(head + "<main id=\"main\" class=\"container py-3\"><h1 class=\"h4\">Đã xử lý giao dịch</h1><p><a href=\""
            + Html.Encode(location) + "\" data-testid=\"payment-continue\">Quay về cổng dịch vụ công</a></p></main></body></html>");
    }

    private static IResult Page(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string Head(string title) =>
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\" /><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />"
        + $"<title>{Html.Encode(title)}</title><link rel=\"stylesheet\" href=\"/lib/bootstrap/css/bootstrap.min.css\" /></head><body>"
        + "<header class=\"text-bg-dark\"><div class=\"container py-2 fw-semibold\">Nền tảng thanh toán <span lang=\"en\">(sandbox)</span></div></header>";

    private static string Message(string title, string text) =>
        Head(title) + $"<main id=\"main\" class=\"container py-3\"><h1 class=\"h4\">{Html.Encode(title)}</h1><p>{Html.Encode(text)}</p></main></body></html>";

    private static string PayPage(SimulatedPaymentOrder order)
    {
        var amount = order.Amount.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")) + " đ";
        var b = new StringBuilder(Head("Thanh toán (giả lập)"));
        b.Append("<main id=\"main\" class=\"container py-3\" style=\"max-width: 32rem\"><h1 class=\"h4\">Thanh toán phí, lệ phí <span class=\"text-body-secondary fs-6\" lang=\"en\">(payment, simulator)</span></h1>");
        b.Append("<dl class=\"row\" data-testid=\"payment-order\">")
            .Append("<dt class=\"col-5\">Nội dung</dt><dd class=\"col-7\">").Append(Html.Encode(order.Description)).Append("</dd>")
            .Append("<dt class=\"col-5\">Mã tham chiếu</dt><dd class=\"col-7 text-break\">").Append(Html.Encode(order.Reference)).Append("</dd>")
            .Append("<dt class=\"col-5\">Số tiền</dt><dd class=\"col-7 fw-semibold\" data-testid=\"payment-amount\">").Append(Html.Encode(amount)).Append("</dd></dl>");
        if (order.TransactionId is not null)
        {
            b.Append("<div class=\"alert alert-info\" role=\"status\">Đơn hàng đã được thanh toán, mã giao dịch ").Append(Html.Encode(order.TransactionId)).Append(".</div>");
        }

        b.Append("<form method=\"post\"><button type=\"submit\" name=\"action\" value=\"pay\" class=\"btn btn-primary btn-lg w-100 mb-2\" data-testid=\"payment-pay\">Thanh toán</button>")
            .Append("<button type=\"submit\" name=\"action\" value=\"cancel\" class=\"btn btn-outline-secondary w-100\">Hủy giao dịch</button></form></main></body></html>");
        return b.ToString();
    }
}
