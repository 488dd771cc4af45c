using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;
using OneStop.Platform.Notifications;

namespace OneStop.Integration.Notifications;

/// <summary>
/// E-mail to citizens through the province's mail server (SMTP, MailKit). Configured by <c>Notifications:Email:Host</c>,
/// <c>:Port</c> (25), <c>:Security</c> (<c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c>; default StartTls when
/// offered), <c>:UserName</c>, <c>:Password</c>, <c>:From</c>; without a host the channel is off and nothing is queued.
/// </summary>
internal sealed class EmailGateway(IConfiguration configuration) : INotificationGateway
{
    private IConfigurationSection Settings => configuration.GetSection("Notifications:Email");

    public string Channel => NotificationChannels.Email;

    public bool Enabled => !string.IsNullOrWhiteSpace(Settings["Host"]);

    public async Task<string?> SendAsync(NotificationMessage message, CancellationToken ct)
    {
        var settings = Settings;
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(settings["From"] ?? "khong-tra-loi@dichvucong.local"));
        if (!MailboxAddress.TryParse(message.Recipient, out var to))
        {
            return "Địa chỉ thư điện tử không hợp lệ.";
        }

        mail.To.Add(to);
        mail.Subject = message.Subject;
        // The delivery's id: a resend after a lost acknowledgement carries the same Message-Id, so mail servers can drop it.
        mail.MessageId = $"{message.Reference:N}@onestop";
        mail.Body = new TextPart("plain") { Text = message.Body };

        using var smtp = new SmtpClient { Timeout = settings.GetValue("TimeoutSeconds", 30) * 1000 };
        var security = Enum.TryParse<SecureSocketOptions>(settings["Security"], true, out var s) ? s : SecureSocketOptions.StartTlsWhenAvailable;
        await smtp.ConnectAsync(settings["Host"]!, settings.GetValue("Port", 25), security, ct);
        if (!string.IsNullOrEmpty(settings["UserName"]))
        {
            await smtp.AuthenticateAsync(settings["UserName"]!, settings["Password"] ?? "", ct);
        }

        await smtp.SendAsync(mail, ct);
        await smtp.DisconnectAsync(true, ct);
        return null;
    }
}
