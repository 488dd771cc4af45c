using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Integration.Contracts;
using OneStop.Integration.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Integration.Features.Payments;

/// <summary>
/// Creates orders on the payment platform and reads what the verified callbacks recorded (ADR 0049). The order row is
/// written before the platform is asked, in the scope of the unit the fee goes to, so a callback always finds the
/// reference it pays, and the same reference asked again finds the same order instead of creating a second one.
/// </summary>
internal sealed class OnlinePayments(
    IntegrationDbContext db, ICurrentScope scope, IHttpClientFactory http, PaymentSettings settings, ILogger<OnlinePayments> logger) : IOnlinePaymentApi
{
    internal sealed record CreateOrderBody(string Reference, long Amount, string Description, string ReturnUrl, string CallbackUrl);

    internal sealed record CreatedOrder(string OrderId, string PaymentUrl);

    public async Task<OnlinePaymentOrder> CreateOrderAsync(OnlinePaymentRequest request, CancellationToken ct = default)
    {
        var amount = decimal.ToInt64(decimal.Round(request.AmountVnd));
        if (amount <= 0 || string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Length > 64)
        {
            throw new ArgumentException("An order needs a reference of at most 64 characters and a positive amount.", nameof(request));
        }

        var payment = await db.OnlinePayments.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Reference == request.Reference, ct);
        using var _ = scope.Change(new UnitScope(request.UnitId, request.UnitPath, ""), scope.ActorId, scope.ActorName);
        if (payment is null)
        {
            payment = new OnlinePayment
            {
                Reference = request.Reference, AmountVnd = amount, Description = Trim(request.Description, 200), PayerKey = request.PayerKey,
                UnitId = request.UnitId, UnitPath = request.UnitPath,
            };
            db.OnlinePayments.Add(payment);
            await db.SaveChangesAsync(ct);
        }
        else if (payment.Status == OnlinePayment.Paid || payment.AmountVnd != amount)
        {
            // Paid already, or the fee changed: the caller must use a new reference; never a second charge on one.
            throw new PlatformException(IntegrationErrorCodes.PaymentAlreadyPaid, 409) { MessageCode = IntegrationErrorCodes.PaymentAlreadyPaid };
        }

        var client = http.CreateClient(PaymentSettings.HttpClientName);
        try
        {
            using var response = await client.PostAsJsonAsync(new Uri(settings.BaseAddress, "orders"),
                new CreateOrderBody(payment.Reference, amount, payment.Description, request.ReturnUrl, settings.CallbackUrl), ct);
            var created = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<CreatedOrder>(ct) : null;
            if (created is null || string.IsNullOrEmpty(created.OrderId))
            {
                logger.LogWarning("Payment platform refused the order {Reference}: {Status}", payment.Reference, (int)response.StatusCode);
                throw new PlatformException(IntegrationErrorCodes.PaymentUnavailable, 503) { MessageCode = IntegrationErrorCodes.PaymentUnavailable };
            }

            if (payment.OrderId != created.OrderId)
            {
                payment.OrderId = created.OrderId;
                await db.SaveChangesAsync(ct);
            }

            return new OnlinePaymentOrder(payment.Reference, created.OrderId, created.PaymentUrl);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Payment platform unreachable for order {Reference}", payment.Reference);
            throw new PlatformException(IntegrationErrorCodes.PaymentUnavailable, 503) { MessageCode = IntegrationErrorCodes.PaymentUnavailable };
        }
    }

    public async Task<OnlinePaymentState?> FindAsync(string reference, CancellationToken ct = default) =>
        // The reference is the caller's own unguessable key (the portal checks who owns it); no unit scope applies.
        await db.OnlinePayments.IgnoreQueryFilters().AsNoTracking().Where(p => p.Reference == reference && !p.IsDeleted)
            .Select(p => new OnlinePaymentState(p.Reference, p.AmountVnd, p.Status == OnlinePayment.Paid, p.TransactionId, p.PaidAt))
            .FirstOrDefaultAsync(ct);

    private static string Trim(string? text, int max) => (text ?? "").Trim() is var t && t.Length > max ? t[..max] : (text ?? "").Trim();
}
