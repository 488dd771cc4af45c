using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OneStop.Platform.Messaging;
using OneStop.Platform.Notifications;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OneStop.Platform.TestKit;

/// <summary>
/// A real SMTP server in the test process (the SmtpServer package) on a free loopback port, keeping every message it
/// receives: what the host's MailKit client sends is read back as sent. Point a host at it with <see cref="For"/>.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private SmtpSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Messages));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>The messages received, in order.</summary>
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    public static SmtpSink Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new SmtpSink(port);
    }

    /// <summary>The host's e-mail settings for this sink (plain SMTP, the province's sender address); before the host starts.</summary>
    public OneStopFactory For(OneStopFactory factory) => factory
        .With("Notifications:Email:Host", "127.0.0.1").With("Notifications:Email:Port", Port.ToString(CultureInfo.InvariantCulture))
        .With("Notifications:Email:Security", "None").With("Notifications:Email:From", "mot-cua@haiduong.gov.vn");

    /// <summary>
    /// What the recurring jobs would do next: relay the outbox to the modules' handlers and deliver the notifications they
    /// queued (e-mail over SMTP, SMS to the gateway's simulator), until nothing is left — no sleeping.
    /// </summary>
    public static async Task RelayAndDeliverAsync(IServiceProvider services)
    {
        var relay = services.GetRequiredService<OutboxRelay>();
        var leg = services.GetRequiredService<NotificationDeliveryLeg>();
        for (var round = 0; round < 20; round++)
        {
            if (await relay.RelayOnceAsync() + await leg.DeliverDueAsync(CancellationToken.None) == 0)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync() => await _stop.CancelAsync();

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
