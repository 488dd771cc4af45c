using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Queue.Domain;

namespace OneStop.Queue.Infrastructure;

/// <summary>The Queue module's data, schema "queue" (until ADR 0021 these tables lived in "counters").</summary>
internal sealed class QueueDbContext(DbContextOptions<QueueDbContext> options, ICurrentScope currentScope)
    : ModuleDbContext(options, currentScope)
{
    public const string SchemaName = "queue";

    public override string Schema => SchemaName;

    public DbSet<QueueDesk> QueueDesks => Set<QueueDesk>();
    public DbSet<QueueCounter> QueueCounters => Set<QueueCounter>();
    public DbSet<QueueTicket> QueueTickets => Set<QueueTicket>();
    public DbSet<QueueEvent> QueueEvents => Set<QueueEvent>();
    public DbSet<TicketDossierLink> QueueTicketDossiers => Set<TicketDossierLink>();
    public DbSet<QueueAppointment> QueueAppointments => Set<QueueAppointment>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) => QueueModel.Configure(modelBuilder);
}
