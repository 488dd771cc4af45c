using System.Security.Cryptography;
using System.Text;

namespace OneStop.Conformance;

/// <summary>
/// How a subscriber checks a delivery (the contract's <c>webhooks</c>): <c>X-OneStop-Signature: sha256=hex</c>, hex being
/// HMAC-SHA256 with the subscription's secret over <c>"{X-OneStop-Timestamp}.{raw body}"</c>. Copy this into a receiver.
/// </summary>
public static class WebhookSignature
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    /// <summary>True when the signature matches (compared in constant time) and the timestamp is within five minutes of now.</summary>
    public static bool Verify(string secret, string timestamp, string body, string signature, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, out var seconds) || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
    }
}
