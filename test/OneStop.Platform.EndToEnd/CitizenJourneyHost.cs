using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OneStop.Platform.Messaging;
using OneStop.Platform.Notifications;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// The browser host for the citizen's whole online journey: e-mail goes to a real SMTP server in the test process (the
/// sink <see cref="Mail"/> reads back), the payment simulator answers at once, and the national portal's submission
/// pull stays off so the only online dossiers are the ones the test files (as in OnlineSubmissionTests).
/// </summary>
public sealed class CitizenJourneyHost : BrowserHost
{
    private readonly CancellationTokenSource _stop = new();

    public ConcurrentQueue<MimeMessage> Mail { get; } = new();

    public override async Task InitializeAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Sink(Mail));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        With("Notifications:Email:Host", "127.0.0.1").With("Notifications:Email:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Notifications:Email:Security", "None").With("Notifications:Email:From", "mot-cua@haiduong.gov.vn")
            .With("Integration:Sandbox:payment:LatencyMilliseconds", "1")
            .With("Integration:PortalSubmissions:Enabled", "false");
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await base.DisposeAsync();
    }

    /// <summary>
    /// What the recurring jobs would do next: relay the outbox to the modules' handlers and deliver the notifications
    /// they queued (e-mail over SMTP, SMS to the gateway's simulator), until nothing is left — no sleeping.
    /// </summary>
    public async Task RelayAndDeliverAsync()
    {
        var relay = Services.GetRequiredService<OutboxRelay>();
        var leg = Services.GetRequiredService<NotificationDeliveryLeg>();
        for (var round = 0; round < 20; round++)
        {
            if (await relay.RelayOnceAsync() + await leg.DeliverDueAsync(CancellationToken.None) == 0)
            {
                return;
            }
        }
    }

    private sealed class Sink(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
