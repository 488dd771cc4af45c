using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using OneStop.Platform.Auditing;
using OneStop.Platform.Domain;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Platform.Persistence;

/// <summary>
/// Runs on every SaveChanges of every platform context: stamps, the write-scope check (a user writes only inside the
/// unit it acts for), and the audit chain. The chain needs the previous hash, so saving takes a per-schema lock in a
/// transaction: an advisory lock on PostgreSQL; on SQLite the immediate transaction already serialises writers.
/// </summary>
internal sealed class PlatformSaveChangesInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    // Vietnamese stays readable in the trail (no \u escapes); the snapshots are data, never embedded in HTML unencoded.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _ownedTransactions = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is IScopedDbContext scoped and DbContext context)
        {
            await BeforeSaveAsync(context, scoped, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is IScopedDbContext scoped and DbContext context)
        {
            BeforeSaveAsync(context, scoped, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _ownedTransactions.TryGetValue(context, out var tx))
        {
            _ownedTransactions.Remove(context);
            await tx.CommitAsync(cancellationToken);
            await tx.DisposeAsync();
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _ownedTransactions.TryGetValue(context, out var tx))
        {
            _ownedTransactions.Remove(context);
            await tx.RollbackAsync(cancellationToken);
            await tx.DisposeAsync();
            // Audit records added for the failed attempt must not be saved by a retry.
            foreach (var entry in context.ChangeTracker.Entries<AuditRecord>().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    private async Task BeforeSaveAsync(DbContext context, IScopedDbContext scoped, CancellationToken ct)
    {
        context.ChangeTracker.DetectChanges();
        var scope = scoped.CurrentScope;
        var now = TruncateToMilliseconds(clock.GetUtcNow());
        var changes = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changes.Count == 0)
        {
            return;
        }

        foreach (var entry in changes)
        {
            StampAndCheckScope(entry, scope, now);
        }

        var audited = changes.Where(e => IsAudited(e.Metadata.ClrType)).ToList();
        if (audited.Count == 0)
        {
            return;
        }

        if (context.Database.CurrentTransaction is null)
        {
            _ownedTransactions.AddOrUpdate(context, await context.Database.BeginTransactionAsync(ct));
        }

        if (context.Database.IsNpgsql())
        {
            // One chain per schema: serialise its writers for the rest of this transaction.
            await context.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext({0}))", ["audit:" + scoped.Schema], ct);
        }

        var last = await context.Set<AuditRecord>().AsNoTracking()
            .OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(ct);
        var id = last?.Id ?? 0;
        var previousHash = last?.Hash ?? AuditRecord.GenesisHash;
        foreach (var entry in audited)
        {
            var record = new AuditRecord
            {
                Id = ++id,
                Time = now,
                ActorId = scope.ActorId,
                ActorName = scope.ActorName,
                UnitId = entry.Entity is IUnitScoped u ? u.UnitId : scope.Unit.UnitId == Guid.Empty ? null : scope.Unit.UnitId,
                UnitPath = entry.Entity is IUnitScoped s ? s.UnitPath : scope.Unit.Path,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Action = entry.State.ToString(),
                Before = entry.State == EntityState.Added ? null : Snapshot(entry, original: true),
                After = entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false),
                PreviousHash = previousHash,
            };
            record.Hash = record.ComputeHash();
            previousHash = record.Hash;
            context.Add(record);
        }
    }

    private static void StampAndCheckScope(EntityEntry entry, ICurrentScope scope, DateTimeOffset now)
    {
        if (entry.Entity is IHasAuditStamps stamps)
        {
            if (entry.State == EntityState.Added)
            {
                stamps.CreatedAt = now;
                stamps.CreatedBy = scope.ActorName;
            }
            else if (entry.State == EntityState.Modified)
            {
                stamps.ModifiedAt = now;
                stamps.ModifiedBy = scope.ActorName;
            }
        }

        if (entry.Entity is ISoftDelete soft && entry.State == EntityState.Deleted)
        {
            entry.State = EntityState.Modified;
            soft.IsDeleted = true;
        }

        if (entry.Entity is not IUnitScoped owned)
        {
            return;
        }

        if (entry.State == EntityState.Added && owned.UnitId == Guid.Empty)
        {
            if (scope.Unit.UnitId == Guid.Empty)
            {
                throw new PlatformException(PlatformErrorCodes.UnitRequired, 403);
            }

            owned.UnitId = scope.Unit.UnitId;
            owned.UnitPath = scope.Unit.Path;
        }

        var originalPath = entry.State == EntityState.Added ? owned.UnitPath : (string?)entry.Property(nameof(IUnitScoped.UnitPath)).OriginalValue ?? "";
        if (owned is ISharedWithUnit shared)
        {
            // Either unit may write; the row may not be moved out of the writer's reach.
            var originalShared = entry.State == EntityState.Added ? shared.SharedUnitPath : (string?)entry.Property(nameof(ISharedWithUnit.SharedUnitPath)).OriginalValue ?? "";
            if ((scope.Unit.Contains(owned.UnitPath) || scope.Unit.Contains(shared.SharedUnitPath))
                && (scope.Unit.Contains(originalPath) || scope.Unit.Contains(originalShared)))
            {
                return;
            }

            throw new PlatformException(PlatformErrorCodes.OutOfScope, 403);
        }

        if (!scope.Unit.Contains(owned.UnitPath) || !scope.Unit.Contains(originalPath))
        {
            throw new PlatformException(PlatformErrorCodes.OutOfScope, 403);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> AuditedTypes = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IProperty, bool> IgnoredProperties = new();

    private static bool IsAudited(Type type) => AuditedTypes.GetOrAdd(type, t => t.GetCustomAttribute<NotAuditedAttribute>() is null
        && !(t.Namespace ?? "").StartsWith("OpenIddict", StringComparison.Ordinal));

    private static bool IsIgnored(Microsoft.EntityFrameworkCore.Metadata.IProperty property) => IgnoredProperties.GetOrAdd(property, p =>
        p.PropertyInfo?.GetCustomAttribute<AuditIgnoreAttribute>() is not null || IsSecret(p.Name)
        // Identity's user tokens hold the authenticator key and the recovery codes.
        || (p.Name == "Value" && typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>).IsAssignableFrom(p.DeclaringType.ClrType)));

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (IsIgnored(property.Metadata))
            {
                continue;
            }

            // For an update only what changed is kept, on both sides.
            if (entry.State == EntityState.Modified && !property.IsModified)
            {
                continue;
            }

            values[property.Metadata.Name] = original ? property.OriginalValue : property.CurrentValue;
        }

        return JsonSerializer.Serialize(values, Json);
    }

    private static bool IsSecret(string name) => name is "PasswordHash" or "SecurityStamp" or "ConcurrencyStamp" or "ClientSecret";

    /// <summary>Stored times must hash the same when read back: PostgreSQL keeps microseconds, the SQLite converter less.</summary>
    public static DateTimeOffset TruncateToMilliseconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
