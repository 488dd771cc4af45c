using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Platform.Domain;
using OneStop.Platform.Messaging;
using OneStop.Platform.Notifications;

namespace OneStop.Portal.Features.Notifications;

/// <summary>
/// Tells the applicant that their dossier is late, with the apology (Mẫu 04; kind <see cref="NotificationKinds.Late"/>,
/// the template administrators edit), on each channel they are reachable and opted in on. Once per event and channel
/// however often the handler runs (<see cref="Notifier"/>'s key), and the overdue scan publishes one event per missed
/// due date.
/// </summary>
internal sealed class DossierOverdueNotificationHandler(Notifier notifier, IServiceProvider services) : IIntegrationEventHandler<DossierOverdue>
{
    public async Task HandleAsync(DossierOverdue e, CancellationToken cancellationToken)
    {
        if (services.GetService<ICountersApi>() is not { } counters)
        {
            return;
        }

        var contact = await counters.ApplicantContactAsync(e.DossierId, cancellationToken);
        if (contact is null || (string.IsNullOrWhiteSpace(contact.Email) && string.IsNullOrWhiteSpace(contact.Phone)))
        {
            return;
        }

        var values = new Dictionary<string, string>
        {
            ["ma_ho_so"] = e.DossierCode,
            ["thu_tuc"] = e.ProcedureName,
            ["nguoi_nop"] = e.ApplicantName,
            ["han_tra"] = VietnamTime.Format(e.DueAt, "—"),
            ["ly_do"] = e.Reason,
            ["don_vi"] = "Bộ phận Một cửa",
        };
        await notifier.EnqueueAsync(new NotificationRequest(
            e.EventId, NotificationKinds.Late, e.DossierId, e.DossierCode, e.ReceivingUnitId, e.ReceivingUnitPath, e.ApplicantIdentity, contact.Email, contact.Phone, values),
            cancellationToken);
    }
}
