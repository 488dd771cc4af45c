using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneStop.Platform.Persistence;

namespace OneStop.Platform.Notifications;

/// <summary>
/// Turns an event into notifications: one delivery per channel the applicant is reachable and opted in on, its text
/// from the template of that kind and channel. Idempotent per event and channel (<see cref="NotificationDelivery.DedupKey"/>
/// is unique): a handler retried after a crash, or the same event delivered twice, adds nothing.
/// </summary>
public sealed class Notifier(PlatformDbContext db, IEnumerable<INotificationGateway> gateways, TimeProvider clock, ILogger<Notifier> logger)
{
    /// <summary>
    /// Without a recorded choice: e-mail and SMS on when the dossier gives an address or phone (the applicant gave them
    /// to be told), Zalo off until chosen (a Zalo message reaches only those who follow the province's account).
    /// </summary>
    public static bool DefaultOptedIn(string channel) => channel is NotificationChannels.Email or NotificationChannels.Sms;

    public static string DedupKey(Guid eventId, string channel) => $"{eventId:N}:{channel}";

    /// <summary>Queues the notifications of <paramref name="request"/>; returns how many were new.</summary>
    public async Task<int> EnqueueAsync(NotificationRequest request, CancellationToken ct = default)
    {
        var enabled = gateways.Where(g => g.Enabled).Select(g => g.Channel).ToHashSet();
        var choices = await db.NotificationPreferences.AsNoTracking().Where(p => p.ApplicantKey == request.ApplicantKey)
            .ToDictionaryAsync(p => p.Channel, p => p.OptedIn, ct);
        var keys = NotificationChannels.All.Select(c => DedupKey(request.EventId, c)).ToList();
        var existing = await db.NotificationDeliveries.IgnoreQueryFilters().Where(d => keys.Contains(d.DedupKey)).Select(d => d.DedupKey).ToListAsync(ct);
        var templates = await db.NotificationTemplates.AsNoTracking().Where(t => t.Kind == request.Kind).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var channel in NotificationChannels.All)
        {
            var recipient = channel == NotificationChannels.Email ? request.Email : request.Phone;
            if (string.IsNullOrWhiteSpace(recipient) || !enabled.Contains(channel)
                || !choices.GetValueOrDefault(channel, DefaultOptedIn(channel)) || existing.Contains(DedupKey(request.EventId, channel)))
            {
                continue;
            }

            var (subject, body) = templates.FirstOrDefault(t => t.Channel == channel) is { } t ? (t.Subject, t.Body) : NotificationDefaults.For(request.Kind, channel);
            db.NotificationDeliveries.Add(new NotificationDelivery
            {
                DedupKey = DedupKey(request.EventId, channel), Kind = request.Kind, Channel = channel,
                DossierId = request.DossierId, DossierCode = request.DossierCode, Recipient = recipient.Trim(),
                Subject = NotificationDefaults.Fill(subject, request.Values), Body = NotificationDefaults.Fill(body, request.Values),
                CreatedAt = now, UnitId = request.UnitId, UnitPath = request.UnitPath,
                // A dossier's notifications on one channel go out in the order of its events.
                OrderingKey = $"{request.DossierId:N}:{channel}",
            });
            added++;
        }

        if (added == 0)
        {
            return 0;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return added;
        }
        catch (DbUpdateException e)
        {
            // Another instance handled the same event at the same moment: its rows stand, one per channel.
            logger.LogInformation(e, "Notifications of event {EventId} were queued by another instance", request.EventId);
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    /// <summary>Records a person's choice for a channel (the citizen's account page, or a desk at the person's request).</summary>
    public async Task SetPreferenceAsync(string applicantKey, string channel, bool optedIn, CancellationToken ct = default)
    {
        var row = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.ApplicantKey == applicantKey && p.Channel == channel, ct);
        if (row is null)
        {
            row = new NotificationPreference { ApplicantKey = applicantKey, Channel = channel };
            db.NotificationPreferences.Add(row);
        }

        row.OptedIn = optedIn;
        row.ChangedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
