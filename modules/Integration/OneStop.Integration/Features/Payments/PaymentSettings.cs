using Microsoft.Extensions.Configuration;
using OneStop.Integration.Connectors;

namespace OneStop.Integration.Features.Payments;

/// <summary>
/// Where the payment platform is and the secret it signs callbacks with: <c>Integration:Payments:BaseUrl</c> and
/// <c>Integration:Payments:Secret</c>. Without a base address the host's own simulator (<c>/sandbox/payment/</c>) is
/// used, with a sandbox secret; production sets both (the secret from the platform's merchant registration).
/// </summary>
internal sealed class PaymentSettings(IConfiguration configuration, ConnectorAddresses addresses)
{
    public const string SystemKey = "payment";
    public const string HttpClientName = "payment-platform";
    public const string SandboxSecret = "sandbox-payment-secret-2026";

    public Uri BaseAddress => configuration["Integration:Payments:BaseUrl"] is { Length: > 0 } configured
        ? new Uri(configuration["Integration:Payments:BaseUrl"]!.TrimEnd('/') + "/")
        : addresses.Sandbox(SystemKey);

    public string Secret => configuration["Integration:Payments:Secret"] is { Length: > 0 } secret ? secret : SandboxSecret;

    /// <summary>Our callback address the platform posts to: configured, or this host's own.</summary>
    public string CallbackUrl => configuration["Integration:Payments:CallbackUrl"] is { Length: > 0 } url
        ? url
        : new Uri(addresses.Sandbox(SystemKey), "/api/v1/integration/payments/callback").ToString();
}
