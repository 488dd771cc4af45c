using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Integration.Contracts;
using OneStop.Integration.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Integration.Features.Payments;

/// <summary>What the payment platform posts when an order is paid (ADR 0049).</summary>
/// <param name="PaidAt">As the platform wrote it (ISO 8601); signed as sent.</param>
internal sealed record PaymentCallbackBody(string? Reference, string? TransactionId, long Amount, string? PaidAt, string? Status, string? Signature);

/// <summary>
/// Kết quả thanh toán từ nền tảng thanh toán: the signature is checked first (a forged or altered callback is refused
/// and changes nothing), then the reference must be one of our orders and the amount its amount. A replay of the
/// transaction already recorded answers success and changes nothing; a different transaction for a paid order is refused.
/// </summary>
internal static class PaymentCallback
{
    public const string Path = "/payments/callback";
    public const string PlatformActor = "nen-tang-thanh-toan";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost(Path, HandleAsync).AllowAnonymous()
            .WithSummary("Nhận kết quả thanh toán (có chữ ký HMAC-SHA256) từ nền tảng thanh toán; gửi lại cùng giao dịch không thay đổi gì");

    internal static async Task<IResult> HandleAsync(
        PaymentCallbackBody body, IntegrationDbContext db, ICurrentScope scope, PaymentSettings settings, TimeProvider clock, ILogger<OnlinePayments> logger, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.Reference) || string.IsNullOrEmpty(body.TransactionId) || string.IsNullOrEmpty(body.PaidAt) || body.Status != "PAID"
            || !PaymentSignature.IsValid(settings.Secret, body.Reference, body.TransactionId, body.Amount, body.PaidAt, body.Status, body.Signature))
        {
            logger.LogWarning("Payment callback refused: bad signature for {Reference}", body.Reference);
            throw Refused(IntegrationErrorCodes.PaymentSignatureInvalid, 400);
        }

        var payment = await db.OnlinePayments.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Reference == body.Reference && !p.IsDeleted, ct)
            ?? throw Refused(IntegrationErrorCodes.PaymentUnknownReference, 404);
        if (payment.Status == OnlinePayment.Paid)
        {
            if (payment.TransactionId == body.TransactionId)
            {
                return Results.Ok(new { status = "already-recorded", reference = payment.Reference });
            }

            logger.LogWarning("Payment callback refused: {Reference} already paid by {Transaction}", payment.Reference, payment.TransactionId);
            throw Refused(IntegrationErrorCodes.PaymentAlreadyPaid, 409);
        }

        if (body.Amount != payment.AmountVnd)
        {
            logger.LogWarning("Payment callback refused: {Reference} amount {Amount} instead of {Expected}", payment.Reference, body.Amount, payment.AmountVnd);
            throw Refused(IntegrationErrorCodes.PaymentAmountMismatch, 400);
        }

        // Recorded in the unit the fee belongs to, the platform as the actor (audited like every write).
        using var _ = scope.Change(new UnitScope(payment.UnitId, payment.UnitPath, ""), null, PlatformActor);
        payment.Status = OnlinePayment.Paid;
        payment.TransactionId = body.TransactionId.Length > 64 ? body.TransactionId[..64] : body.TransactionId;
        payment.PaidAt = DateTimeOffset.TryParse(body.PaidAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            ? at.ToUniversalTime() : clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another callback recorded it meanwhile (the status is the concurrency token): the same transaction is a replay.
            db.ChangeTracker.Clear();
            var recorded = await db.OnlinePayments.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == payment.Id, ct);
            return recorded.TransactionId == body.TransactionId
                ? Results.Ok(new { status = "already-recorded", reference = recorded.Reference })
                : throw Refused(IntegrationErrorCodes.PaymentAlreadyPaid, 409);
        }

        return Results.Ok(new { status = "recorded", reference = payment.Reference });
    }

    private static PlatformException Refused(string code, int status) => new(code, status) { MessageCode = code };
}
