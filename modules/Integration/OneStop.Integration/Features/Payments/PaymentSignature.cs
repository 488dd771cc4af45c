using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneStop.Integration.Features.Payments;

/// <summary>
/// The payment platform's callback signature (ADR 0049): HMAC-SHA256 with the shared secret over
/// "{reference}|{transactionId}|{amount}|{paidAt}|{status}" — the fields exactly as sent, the amount in whole đồng —
/// as lowercase hex. Compared in constant time.
/// </summary>
internal static class PaymentSignature
{
    public static string Sign(string secret, string reference, string transactionId, long amount, string paidAt, string status)
    {
        var text = string.Join('|', reference, transactionId, amount.ToString(CultureInfo.InvariantCulture), paidAt, status);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text)));
    }

    public static bool IsValid(string secret, string reference, string transactionId, long amount, string paidAt, string status, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length != 64)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, reference, transactionId, amount, paidAt, status));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
    }
}
