using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneStop.Platform.Auditing;
using OneStop.Platform.Domain;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Platform.Persistence;

/// <summary>
/// Runs on every SaveChanges of every platform context: stamps, the write-scope check (a user writes only inside the
/// unit it acts for), and the audit trail. Each audited change becomes a <see cref="PendingAuditRecord"/> saved with the
/// write itself — no lock and no read of the chain's end inside the write's transaction; <see cref="AuditSealer"/> seals
/// them into the schema's hash chain in order soon after (ADR 0047).
/// </summary>
internal sealed class PlatformSaveChangesInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    // Vietnamese stays readable in the trail (no \u escapes); the snapshots are data, never embedded in HTML unencoded.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        SavingChanges(eventData, result);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is IScopedDbContext scoped and DbContext context)
        {
            BeforeSave(context, scoped);
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        // Records added for the failed attempt must not be saved by a retry (which adds its own).
        foreach (var entry in eventData.Context?.ChangeTracker.Entries<PendingAuditRecord>().Where(e => e.State == EntityState.Added).ToList() ?? [])
        {
            entry.State = EntityState.Detached;
        }
    }

    private void BeforeSave(DbContext context, IScopedDbContext scoped)
    {
        context.ChangeTracker.DetectChanges();
        var scope = scoped.CurrentScope;
        var now = TruncateToMilliseconds(clock.GetUtcNow());
        var changes = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in changes)
        {
            StampAndCheckScope(entry, scope, now);
        }

        foreach (var entry in changes.Where(e => IsAudited(e.Metadata.ClrType)))
        {
            context.Add(new PendingAuditRecord
            {
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
            });
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
