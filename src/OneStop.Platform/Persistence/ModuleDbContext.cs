using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Auditing;
using OneStop.Platform.Messaging;
using OneStop.Platform.Scoping;

namespace OneStop.Platform.Persistence;

/// <summary>
/// Base of every module's DbContext: one schema per module, audit chain, outbox and inbox in that schema,
/// "Scope" and "SoftDelete" filters on every scoped entity.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, ICurrentScope currentScope) : DbContext(options), IScopedDbContext
{
    public abstract string Schema { get; }
    public ICurrentScope CurrentScope { get; } = currentScope;
    public string ScopePath => CurrentScope.Unit.Path;

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyPlatformConventions(this);

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        ConfigureModel(modelBuilder);
        modelBuilder.ApplyPlatformConventions(this);
    }
}
