using System.Collections.Concurrent;
using MimeKit;
using OneStop.Platform.TestKit;

namespace OneStop.Platform.EndToEnd;

/// <summary>
/// The browser host for the citizen's whole online journey: e-mail goes to a real SMTP server in the test process (the
/// sink <see cref="Mail"/> reads back), the payment simulator answers at once, and the national portal's submission
/// pull stays off so the only online dossiers are the ones the test files (as in OnlineSubmissionTests).
/// </summary>
public sealed class CitizenJourneyHost : BrowserHost
{
    private readonly SmtpSink _smtp = SmtpSink.Start();

    /// <summary>What the real SMTP server in this process received.</summary>
    public ConcurrentQueue<MimeMessage> Mail => _smtp.Messages;

    public override async Task InitializeAsync()
    {
        _smtp.For(this)
            .With("Integration:Sandbox:payment:LatencyMilliseconds", "1")
            .With("Integration:PortalSubmissions:Enabled", "false");
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Relays the outboxes, then the notification leg, until nothing moves.</summary>
    public Task RelayAndDeliverAsync() => SmtpSink.RelayAndDeliverAsync(Services);
}
