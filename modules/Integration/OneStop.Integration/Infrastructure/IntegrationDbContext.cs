using Microsoft.EntityFrameworkCore;
using OneStop.Integration.Connectors;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Integration.Infrastructure;

/// <summary>The Integration module's data, schema "integration".</summary>
internal sealed class IntegrationDbContext(DbContextOptions<IntegrationDbContext> options, ICurrentScope currentScope)
    : ModuleDbContext(options, currentScope)
{
    public const string SchemaName = "integration";

    public override string Schema => SchemaName;

    public DbSet<ExchangeRecord> ExchangeRecords => Set<ExchangeRecord>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ExchangeRecord>(b =>
        {
            b.Property(r => r.System).HasMaxLength(32);
            b.Property(r => r.Operation).HasMaxLength(512);
            b.Property(r => r.RequestDigest).HasMaxLength(64);
            b.Property(r => r.ResponseDigest).HasMaxLength(64);
            b.Property(r => r.Error).HasMaxLength(1000);
            b.Property(r => r.ActorName).HasMaxLength(256);
            b.Property(r => r.UnitPath).HasMaxLength(512);
            b.HasIndex(r => new { r.System, r.RequestedAt });
        });
    }
}
