using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Notifications;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Portal.Features.Notifications;

/// <summary>One template as the page shows it: the province's own text, or the default while there is none.</summary>
internal sealed record TemplateView(string Kind, string Channel, string Subject, string Body, bool IsDefault, DateTimeOffset? ModifiedAt, string? ModifiedBy);

/// <summary>Mẫu thông báo: reads every kind × channel and saves one; the write is audited in the kernel's chain.</summary>
internal sealed class NotificationTemplateEditor(PlatformDbContext db, ICurrentScope scope, TimeProvider clock)
{
    public const int MaxSubject = 256;
    public const int MaxBody = 2000;

    /// <summary>SMS and Zalo messages are read on a phone: a few segments at most.</summary>
    public const int MaxShortBody = 480;

    public async Task<IReadOnlyList<TemplateView>> AllAsync(CancellationToken ct)
    {
        var rows = await db.NotificationTemplates.AsNoTracking().ToListAsync(ct);
        return NotificationKinds.All.SelectMany(kind => NotificationChannels.All.Select(channel =>
        {
            if (rows.FirstOrDefault(r => r.Kind == kind && r.Channel == channel) is { } row)
            {
                return new TemplateView(kind, channel, row.Subject, row.Body, false, row.ModifiedAt, row.ModifiedBy);
            }

            var (subject, body) = NotificationDefaults.For(kind, channel);
            return new TemplateView(kind, channel, subject, body, true, null, null);
        }))
            .ToList();
    }

    /// <summary>The message codes of what is wrong (nothing saved), or none when saved.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(string kind, string channel, string? subject, string? body, CancellationToken ct)
    {
        var errors = new List<string>();
        if (!NotificationKinds.All.Contains(kind) || !NotificationChannels.All.Contains(channel))
        {
            errors.Add(PortalMessages.TemplateUnknown);
            return errors;
        }

        subject = subject?.Trim() ?? "";
        body = body?.Trim() ?? "";
        if (body.Length == 0 || (channel == NotificationChannels.Email && subject.Length == 0))
        {
            errors.Add(PortalMessages.TemplateEmpty);
        }

        if (subject.Length > MaxSubject || body.Length > (channel == NotificationChannels.Email ? MaxBody : MaxShortBody))
        {
            errors.Add(PortalMessages.TemplateTooLong);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var row = await db.NotificationTemplates.FirstOrDefaultAsync(t => t.Kind == kind && t.Channel == channel, ct);
        if (row is null)
        {
            row = new NotificationTemplate { Kind = kind, Channel = channel };
            db.NotificationTemplates.Add(row);
        }

        row.Subject = channel == NotificationChannels.Email ? subject : "";
        row.Body = body;
        row.ModifiedAt = clock.GetUtcNow();
        row.ModifiedBy = scope.ActorName;
        await db.SaveChangesAsync(ct);
        return errors;
    }
}
