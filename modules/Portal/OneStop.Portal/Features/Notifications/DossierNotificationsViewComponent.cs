using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Notifications;
using OneStop.Platform.Persistence;

namespace OneStop.Portal.Features.Notifications;

/// <summary>One notification as the dossier page lists it.</summary>
internal sealed record SentNotification(DateTimeOffset At, string Kind, string Channel, string Recipient, string State, DateTimeOffset? DeliveredAt, int Attempts, string? LastError);

/// <summary>
/// "Thông báo đã gửi" on the dossier page: what the applicant was told, on which channel, and whether it went out. The
/// delivery log is scoped like the dossier (its receiving unit), so the page shows it only to those who see the dossier.
/// Used from Counters' Detail page: <c>@await Component.InvokeAsync("DossierNotifications", new { dossierId = … })</c>.
/// </summary>
internal sealed class DossierNotificationsViewComponent(PlatformDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid dossierId) => View(await ListAsync(db, dossierId));

    /// <summary>The dossier's notifications in the reader's scope, oldest first.</summary>
    public static async Task<IReadOnlyList<SentNotification>> ListAsync(PlatformDbContext db, Guid dossierId, CancellationToken ct = default) =>
        await db.NotificationDeliveries.AsNoTracking().Where(d => d.DossierId == dossierId).OrderBy(d => d.Id)
            .Select(d => new SentNotification(d.CreatedAt, d.Kind, d.Channel, d.Recipient, d.State, d.DeliveredAt, d.Attempts, d.LastError))
            .Take(100).ToListAsync(ct);
}
