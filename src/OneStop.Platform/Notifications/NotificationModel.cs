using Microsoft.EntityFrameworkCore;

namespace OneStop.Platform.Notifications;

/// <summary>The notification tables of schema "platform": templates, preferences and the delivery log.</summary>
internal static class NotificationModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<NotificationTemplate>(b =>
        {
            b.HasIndex(t => new { t.Kind, t.Channel }).IsUnique();
            b.Property(t => t.Kind).HasMaxLength(64);
            b.Property(t => t.Channel).HasMaxLength(16);
            b.Property(t => t.Subject).HasMaxLength(256);
            b.Property(t => t.Body).HasMaxLength(2000);
            b.Property(t => t.ModifiedBy).HasMaxLength(256);
        });
        builder.Entity<NotificationPreference>(b =>
        {
            b.HasKey(p => new { p.ApplicantKey, p.Channel });
            b.Property(p => p.ApplicantKey).HasMaxLength(32);
            b.Property(p => p.Channel).HasMaxLength(16);
        });
        builder.Entity<NotificationDelivery>(b =>
        {
            b.HasKey(d => d.Id);
            b.HasIndex(d => d.DedupKey).IsUnique();
            b.HasIndex(d => new { d.State, d.NextAttemptAt });
            b.HasIndex(d => d.DossierId);
            b.Property(d => d.DedupKey).HasMaxLength(64);
            b.Property(d => d.Kind).HasMaxLength(64);
            b.Property(d => d.Channel).HasMaxLength(16);
            b.Property(d => d.DossierCode).HasMaxLength(40);
            b.Property(d => d.Recipient).HasMaxLength(256);
            b.Property(d => d.Subject).HasMaxLength(512);
            b.Property(d => d.Body).HasMaxLength(4000);
            b.Property(d => d.UnitPath).HasMaxLength(512);
            b.Property(d => d.OrderingKey).HasMaxLength(128);
            b.Property(d => d.State).HasMaxLength(16);
        });
    }
}
