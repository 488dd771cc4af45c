using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Platform.Domain;
using OneStop.Platform.Messaging;
using OneStop.Platform.Notifications;

namespace OneStop.Portal.Features.Notifications;

/// <summary>
/// Tells the applicant what happened to their dossier (ADR 0043): received, refused, supplement requested, financial
/// obligation, extended (with the apology), result ready, returned. Other transitions tell nothing. The inbox makes a
/// redelivered event a no-op, and <see cref="Notifier"/>'s key per event and channel keeps a handler retried after
/// a crash (the notifications saved, the inbox row not) from sending twice.
/// </summary>
internal sealed class DossierNotificationHandler(Notifier notifier, IServiceProvider services) : IIntegrationEventHandler<DossierChanged>
{
    public static string? KindOf(string transition) => transition switch
    {
        DossierTransitions.Received => NotificationKinds.Received,
        DossierTransitions.Refused => NotificationKinds.Refused,
        DossierTransitions.SupplementRequested => NotificationKinds.SupplementRequested,
        DossierTransitions.FinancialObligationRequested => NotificationKinds.FinancialObligation,
        DossierTransitions.Extended => NotificationKinds.Extended,
        DossierTransitions.Resolved => NotificationKinds.ResultReady,
        DossierTransitions.Returned => NotificationKinds.Returned,
        _ => null,
    };

    public async Task HandleAsync(DossierChanged e, CancellationToken cancellationToken)
    {
        // A dossier created at the desk is received at once: its SUBMITTED-then-RECEIVED pair tells once, on RECEIVED.
        if (KindOf(e.Transition) is not { } kind || services.GetService<ICountersApi>() is not { } counters)
        {
            return;
        }

        var contact = await counters.ApplicantContactAsync(e.Dossier.Id, cancellationToken);
        if (contact is null || (string.IsNullOrWhiteSpace(contact.Email) && string.IsNullOrWhiteSpace(contact.Phone)))
        {
            return;
        }

        var d = e.Dossier;
        var values = new Dictionary<string, string>
        {
            ["ma_ho_so"] = d.Code,
            ["thu_tuc"] = d.ProcedureName,
            ["nguoi_nop"] = d.ApplicantName,
            ["han_tra"] = VietnamTime.Format(d.DueAt, "—"),
            ["ly_do"] = string.IsNullOrWhiteSpace(e.Reason) ? "—" : e.Reason!,
            ["don_vi"] = "Bộ phận Một cửa",
        };
        await notifier.EnqueueAsync(new NotificationRequest(
            e.EventId, kind, d.Id, d.Code, d.ReceivingUnitId, d.ReceivingUnitPath, d.ApplicantIdentity, contact.Email, contact.Phone, values), cancellationToken);
    }
}
