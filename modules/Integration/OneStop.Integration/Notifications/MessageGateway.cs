using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using OneStop.Platform.Notifications;

namespace OneStop.Integration.Notifications;

/// <summary>
/// SMS (brandname) and Zalo OA (ZNS) messages through their providers' HTTP gateways: <c>POST {BaseUrl}messages</c>
/// with the phone number, the text and our reference (the providers de-duplicate by it). <c>Notifications:{Sms|Zalo}:BaseUrl</c>
/// and <c>:ApiKey</c> in production; without a BaseUrl this host's simulator under <c>/sandbox/sms/</c> or
/// <c>/sandbox/zalo/</c> answers (switched off with <c>Notifications:{Sms|Zalo}:Enabled=false</c>).
/// </summary>
internal sealed class MessageGateway(string channel, string key, IHttpClientFactory http, IConfiguration configuration, Connectors.ConnectorAddresses addresses) : INotificationGateway
{
    public const string ClientPrefix = "gateway:";

    public string Channel => channel;

    public bool Enabled => configuration.GetValue($"Notifications:{Name}:Enabled", true)
        && (configuration[$"Notifications:{Name}:BaseUrl"] is { Length: > 0 } || configuration.GetValue("Integration:Sandbox:Enabled", true));

    private string Name => channel == NotificationChannels.Sms ? "Sms" : "Zalo";

    public async Task<string?> SendAsync(NotificationMessage message, CancellationToken ct)
    {
        var baseUrl = configuration[$"Notifications:{Name}:BaseUrl"] is { Length: > 0 } configured
            ? new Uri(configured.TrimEnd('/') + "/")
            : addresses.Sandbox(key);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "messages"))
        {
            Content = JsonContent.Create(new { to = message.Recipient, text = message.Body, reference = message.Reference }),
        };
        if (configuration[$"Notifications:{Name}:ApiKey"] is { Length: > 0 } apiKey)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        using var response = await http.CreateClient(ClientPrefix + key).SendAsync(request, ct);
        return response.IsSuccessStatusCode ? null : $"{Name} gateway answered {(int)response.StatusCode}";
    }
}
