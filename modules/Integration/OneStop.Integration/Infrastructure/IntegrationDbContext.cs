using Microsoft.EntityFrameworkCore;
using OneStop.Integration.Connectors;
using OneStop.Integration.Delivery;
using OneStop.Integration.Features.Webhooks;
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
    public DbSet<ConnectionCheck> ConnectionChecks => Set<ConnectionCheck>();
    public DbSet<OutgoingMessage> OutgoingMessages => Set<OutgoingMessage>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<Features.PortalSubmissions.IncomingSubmission> IncomingSubmissions => Set<Features.PortalSubmissions.IncomingSubmission>();
    public DbSet<Features.PortalRatings.IncomingRating> IncomingRatings => Set<Features.PortalRatings.IncomingRating>();
    public DbSet<Features.Payments.OnlinePayment> OnlinePayments => Set<Features.Payments.OnlinePayment>();
    public DbSet<Features.Payments.PaymentMismatch> PaymentMismatches => Set<Features.Payments.PaymentMismatch>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // Online payments (ADR 0049): one order per reference; reconciliation reads a day's paid ones.
        modelBuilder.Entity<Features.Payments.OnlinePayment>(b =>
        {
            b.HasIndex(p => p.Reference).IsUnique();
            b.HasIndex(p => new { p.Status, p.PaidAt });
            b.Property(p => p.Reference).HasMaxLength(64);
            b.Property(p => p.Description).HasMaxLength(200);
            b.Property(p => p.PayerKey).HasMaxLength(32);
            b.Property(p => p.OrderId).HasMaxLength(64);
            // Two callbacks at once on two instances: the second update finds the status changed and fails instead of overwriting.
            b.Property(p => p.Status).HasMaxLength(16).IsConcurrencyToken();
            b.Property(p => p.TransactionId).HasMaxLength(64);
            b.Property(p => p.AmountVnd).HasPrecision(18, 0);
        });
        modelBuilder.Entity<Features.Payments.PaymentMismatch>(b =>
        {
            b.HasIndex(m => new { m.Day, m.Reference, m.Kind }).IsUnique();
            b.Property(m => m.Reference).HasMaxLength(64);
            b.Property(m => m.Kind).HasMaxLength(32);
            b.Property(m => m.TransactionId).HasMaxLength(64);
            b.Property(m => m.OurAmountVnd).HasPrecision(18, 0);
            b.Property(m => m.PlatformAmountVnd).HasPrecision(18, 0);
        });
        modelBuilder.Entity<Features.PortalSubmissions.IncomingSubmission>(b =>
        {
            b.ToTable("IncomingSubmissions");
            b.HasIndex(x => x.PortalReference).IsUnique();
            b.HasIndex(x => x.Sequence);
            b.Property(x => x.PortalReference).HasMaxLength(64);
            b.Property(x => x.UnitCode).HasMaxLength(16);
            b.Property(x => x.ProcedureCode).HasMaxLength(32);
        });
        modelBuilder.Entity<Features.PortalRatings.IncomingRating>(b =>
        {
            b.ToTable("IncomingRatings");
            b.HasIndex(x => x.PortalRatingId).IsUnique();
            b.HasIndex(x => x.Sequence);
            b.Property(x => x.PortalRatingId).HasMaxLength(64);
            b.Property(x => x.DossierCode).HasMaxLength(40);
        });
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
        modelBuilder.Entity<ConnectionCheck>(b =>
        {
            b.Property(c => c.System).HasMaxLength(32);
            b.Property(c => c.Endpoint).HasMaxLength(512);
            b.Property(c => c.Error).HasMaxLength(1000);
            // The KPI reads a period's checks per system.
            b.HasIndex(c => new { c.System, c.CheckedAt });
        });
        modelBuilder.Entity<OutgoingMessage>(b =>
        {
            b.Property(m => m.Destination).HasMaxLength(64);
            b.Property(m => m.Kind).HasMaxLength(64);
            b.Property(m => m.IdempotencyKey).HasMaxLength(128);
            b.ConfigureDelivery();
            b.Property(m => m.OrderingKey).IsRequired(); // every message to an external system is about something (a dossier, a report)
            b.HasIndex(m => new { m.Destination, m.IdempotencyKey }).IsUnique();
            b.Property(m => m.UnitPath).HasMaxLength(256);
            // The sync indicator counts a period's dossier-status messages per unit.
            b.HasIndex(m => new { m.Destination, m.Kind, m.CreatedAt });
        });
        modelBuilder.Entity<WebhookSubscription>(b =>
        {
            b.Property(w => w.Name).HasMaxLength(200);
            b.Property(w => w.Url).HasMaxLength(1000);
            b.Property(w => w.Secret).HasMaxLength(128);
            b.Property(w => w.DisabledReason).HasMaxLength(1000);
        });
    }
}
