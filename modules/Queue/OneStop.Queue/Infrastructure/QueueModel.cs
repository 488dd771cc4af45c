using Microsoft.EntityFrameworkCore;
using OneStop.Queue.Domain;

namespace OneStop.Queue.Infrastructure;

/// <summary>Tables of the queue (hàng đợi): desks, counters, tickets, their event log, dossier links, appointments.</summary>
internal static class QueueModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<QueueDesk>(b =>
        {
            b.ToTable("QueueDesks");
            b.HasIndex(d => d.Code).IsUnique();
            b.Property(d => d.Code).HasMaxLength(32);
            b.Property(d => d.Name).HasMaxLength(256);
            b.Property(d => d.CreatedBy).HasMaxLength(256);
            b.Property(d => d.ModifiedBy).HasMaxLength(256);
            b.Ignore(d => d.Fields);
            b.HasMany(d => d.Counters).WithOne().HasForeignKey(c => c.DeskId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<QueueCounter>(b =>
        {
            b.ToTable("QueueCounters");
            b.HasIndex(c => new { c.DeskId, c.Number }).IsUnique();
            b.Property(c => c.Name).HasMaxLength(128);
            b.Property(c => c.FieldsText).HasMaxLength(4000);
            b.Property(c => c.OfficerName).HasMaxLength(256);
            b.Property(c => c.CreatedBy).HasMaxLength(256);
            b.Property(c => c.ModifiedBy).HasMaxLength(256);
            b.Ignore(c => c.Fields);
        });
        modelBuilder.Entity<QueueTicket>(b =>
        {
            b.ToTable("QueueTickets");
            // Numbers per desk per day, never twice.
            b.HasIndex(t => new { t.DeskId, t.ServiceDate, t.Number }).IsUnique();
            // The call-next query and the live board: waiting tickets of a desk today in queue order.
            b.HasIndex(t => new { t.DeskId, t.ServiceDate, t.Status, t.QueueKey });
            // The waiting-time KPI groups by unit and day.
            b.HasIndex(t => new { t.ServiceDate, t.UnitId });
            b.Property(t => t.Field).HasMaxLength(256);
            b.Property(t => t.PriorityGroup).HasMaxLength(32);
            b.Property(t => t.Source).HasMaxLength(16);
            // Two counters calling at once must not both take the same ticket: the loser's update finds the status changed.
            b.Property(t => t.Status).HasMaxLength(16).IsConcurrencyToken();
            b.Property(t => t.CreatedBy).HasMaxLength(256);
            b.Property(t => t.ModifiedBy).HasMaxLength(256);
            b.Ignore(t => t.DisplayNumber);
            b.Ignore(t => t.IsPriority);
            b.Ignore(t => t.IsOpen);
        });
        modelBuilder.Entity<QueueEvent>(b =>
        {
            b.ToTable("QueueEvents");
            b.HasIndex(e => new { e.DeskId, e.Id });
            b.HasIndex(e => e.TicketId);
            b.Property(e => e.Kind).HasMaxLength(16);
            b.Property(e => e.Actor).HasMaxLength(256);
        });
        modelBuilder.Entity<TicketDossierLink>(b =>
        {
            b.ToTable("QueueTicketDossiers");
            b.HasIndex(l => new { l.TicketId, l.DossierCode }).IsUnique();
            b.HasIndex(l => l.DossierCode);
            b.Property(l => l.DossierCode).HasMaxLength(64);
            b.Property(l => l.CreatedBy).HasMaxLength(256);
            b.Property(l => l.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<QueueAppointment>(b =>
        {
            b.ToTable("QueueAppointments");
            b.HasIndex(a => new { a.DeskId, a.Code }).IsUnique();
            b.HasIndex(a => new { a.DeskId, a.SlotStart, a.Status });
            b.Property(a => a.Code).HasMaxLength(16);
            b.Property(a => a.Field).HasMaxLength(256);
            b.Property(a => a.CitizenName).HasMaxLength(256);
            b.Property(a => a.Phone).HasMaxLength(32);
            b.Property(a => a.Status).HasMaxLength(16);
            b.Property(a => a.CreatedBy).HasMaxLength(256);
            b.Property(a => a.ModifiedBy).HasMaxLength(256);
        });
    }
}
