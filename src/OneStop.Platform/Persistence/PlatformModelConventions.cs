using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OneStop.Platform.Auditing;
using OneStop.Platform.Domain;
using OneStop.Platform.Messaging;

namespace OneStop.Platform.Persistence;

/// <summary>Model conventions every context applies: audit, outbox and inbox tables and the named query filters.</summary>
public static class PlatformModelConventions
{
    public const string ScopeFilter = "Scope";
    public const string SoftDeleteFilter = "SoftDelete";

    /// <summary>
    /// SQLite cannot compare or order DateTimeOffset values; stored as sortable integers there (0.1 ms precision).
    /// </summary>
    public static void ApplyPlatformConventions(this ModelConfigurationBuilder configuration, DbContext context)
    {
        if (context.Database.IsSqlite())
        {
            configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configuration.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    /// <summary>The columns an audit entry has, pending or sealed.</summary>
    private static void AuditEntryColumns<TEntry>(this Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TEntry> b)
        where TEntry : AuditEntry
    {
        b.Property(a => a.ActorName).HasMaxLength(256);
        b.Property(a => a.UnitPath).HasMaxLength(512);
        b.Property(a => a.EntityType).HasMaxLength(256);
        b.Property(a => a.EntityId).HasMaxLength(128);
        b.Property(a => a.Action).HasMaxLength(16);
    }

    /// <summary>The delivery columns of a queue of <see cref="DeliverableMessage"/>s and the index its rounds read.</summary>
    public static void ConfigureDelivery<TMessage>(this Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TMessage> b)
        where TMessage : DeliverableMessage
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.State).HasMaxLength(16);
        b.Property(m => m.OrderingKey).HasMaxLength(128);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasIndex(m => new { m.State, m.Id });
        b.HasIndex(m => new { m.OrderingKey, m.State });
    }

    public static void ApplyPlatformConventions(this ModelBuilder builder, IScopedDbContext context)
    {
        builder.Entity<AuditRecord>(b =>
        {
            b.ToTable("AuditRecords");
            b.HasKey(a => a.Id);
            // Ids are assigned in chain order by the sealer (ADR 0047), never by the database.
            b.Property(a => a.Id).ValueGeneratedNever();
            b.AuditEntryColumns();
            b.Property(a => a.PreviousHash).HasMaxLength(64);
            b.Property(a => a.Hash).HasMaxLength(64);
            b.HasIndex(a => new { a.EntityType, a.EntityId });
        });
        builder.Entity<PendingAuditRecord>(b =>
        {
            b.ToTable("AuditPending");
            b.HasKey(a => a.Seq);
            b.Property(a => a.Seq).ValueGeneratedOnAdd();
            b.AuditEntryColumns();
        });
        builder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("OutboxMessages");
            b.Property(m => m.Type).HasMaxLength(512);
            b.Property(m => m.UnitPath).HasMaxLength(512);
            b.ConfigureDelivery();
        });
        builder.Entity<InboxMessage>(b =>
        {
            b.ToTable("InboxMessages");
            b.HasKey(m => new { m.MessageId, m.Consumer });
            b.Property(m => m.Consumer).HasMaxLength(512);
        });

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => t.BaseType is null && !t.IsOwned()).ToList())
        {
            var clr = entityType.ClrType;
            if (typeof(IUnitScoped).IsAssignableFrom(clr))
            {
                builder.Entity(clr).Property(nameof(IUnitScoped.UnitPath)).HasMaxLength(512);
                builder.Entity(clr).HasIndex(nameof(IUnitScoped.UnitPath));
                builder.Entity(clr).HasQueryFilter(ScopeFilter, ScopeFilterFor(clr, context));
                if (typeof(ISharedWithUnit).IsAssignableFrom(clr))
                {
                    builder.Entity(clr).Property(nameof(ISharedWithUnit.SharedUnitPath)).HasMaxLength(512);
                    builder.Entity(clr).HasIndex(nameof(ISharedWithUnit.SharedUnitPath));
                }
            }

            if (typeof(ISoftDelete).IsAssignableFrom(clr))
            {
                builder.Entity(clr).HasQueryFilter(SoftDeleteFilter, SoftDeleteFilterFor(clr));
            }
        }
    }

    // e => EF.Property<string>(e, "UnitPath").StartsWith(context.ScopePath)
    // The context appears as a constant of its own type: EF swaps in the querying instance, so each query
    // sees that instance's acting unit.
    private static LambdaExpression ScopeFilterFor(Type clr, IScopedDbContext context)
    {
        var e = Expression.Parameter(clr, "e");
        var unitPath = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(string)], e, Expression.Constant(nameof(IUnitScoped.UnitPath)));
        var scopePath = Expression.Property(Expression.Constant(context, context.GetType()), nameof(IScopedDbContext.ScopePath));
        var startsWithMethod = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression body = Expression.Call(unitPath, startsWithMethod, scopePath);
        if (typeof(ISharedWithUnit).IsAssignableFrom(clr))
        {
            // ... || EF.Property<string>(e, "SharedUnitPath").StartsWith(context.ScopePath)
            var sharedPath = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(string)], e, Expression.Constant(nameof(ISharedWithUnit.SharedUnitPath)));
            body = Expression.OrElse(body, Expression.Call(sharedPath, startsWithMethod, scopePath));
        }

        return Expression.Lambda(body, e);
    }

    private static LambdaExpression SoftDeleteFilterFor(Type clr)
    {
        var e = Expression.Parameter(clr, "e");
        var isDeleted = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(bool)], e, Expression.Constant(nameof(ISoftDelete.IsDeleted)));
        return Expression.Lambda(Expression.Not(isDeleted), e);
    }
}
