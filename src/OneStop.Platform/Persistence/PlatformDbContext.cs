using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.AdministrativeUnits.Reorganisations;
using OneStop.Platform.Auditing;
using OneStop.Platform.Calendar;
using OneStop.Platform.Identity;
using OneStop.Platform.Notifications;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Platform.Persistence;

/// <summary>
/// The kernel's own data, schema "platform": administrative units, agencies, people and their memberships,
/// permissions, API clients (OpenIddict tables), idempotency records, the working calendar (days off, office hours)
/// and the kernel's audit chain.
/// </summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options, ICurrentScope currentScope)
    : IdentityDbContext<PlatformUser, PlatformRole, Guid>(options), IScopedDbContext
{
    public const string SchemaName = "platform";

    public string Schema => SchemaName;
    public ICurrentScope CurrentScope { get; } = currentScope;
    public string ScopePath => CurrentScope.Unit.Path;

    public DbSet<AdministrativeUnit> AdministrativeUnits => Set<AdministrativeUnit>();
    public DbSet<UnitSuccession> UnitSuccessions => Set<UnitSuccession>();
    public DbSet<Agency> Agencies => Set<Agency>();
    /// <summary>Effective-dated designations of units (xã đặc biệt khó khăn).</summary>
    public DbSet<UnitDesignation> UnitDesignations => Set<UnitDesignation>();
    public DbSet<Reorganisation> Reorganisations => Set<Reorganisation>();
    public DbSet<UnitMembership> UnitMemberships => Set<UnitMembership>();
    public DbSet<RolePermission> RolePermissions => Set<RolePermission>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<ApiClientUsage> ApiClientUsages => Set<ApiClientUsage>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    /// <summary>Notifications to citizens: templates, choices per channel and the delivery log (ADR 0043).</summary>
    public DbSet<NotificationTemplate> NotificationTemplates => Set<NotificationTemplate>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();
    internal DbSet<DayOff> DaysOff => Set<DayOff>();
    internal DbSet<UnitOfficeHours> OfficeHours => Set<UnitOfficeHours>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyPlatformConventions(this);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(SchemaName);
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        NotificationModel.Configure(builder);

        builder.Entity<PlatformUser>(b =>
        {
            b.Property(u => u.FullName).HasMaxLength(256);
            b.Property(u => u.SearchText).HasMaxLength(1024);
        });
        builder.Entity<PlatformRole>(b =>
        {
            b.Property(r => r.DisplayNameVi).HasMaxLength(128);
            b.Property(r => r.DisplayNameEn).HasMaxLength(128);
        });
        builder.Entity<UserSession>(b =>
        {
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).HasMaxLength(64);
            b.Property(s => s.ClientAddress).HasMaxLength(64);
            b.Property(s => s.UserAgent).HasMaxLength(256);
            b.HasIndex(s => s.UserId);
        });
        builder.Entity<SignInThrottle>(b =>
        {
            b.HasKey(t => t.Key);
            b.Property(t => t.Key).HasMaxLength(300);
        });
        builder.Entity<ApiClientUsage>(b =>
        {
            b.HasKey(u => u.ClientId);
            b.Property(u => u.ClientId).HasMaxLength(200);
        });
        builder.Entity<AdministrativeUnit>(b =>
        {
            b.Property(u => u.Code).HasMaxLength(16);
            b.Property(u => u.Name).HasMaxLength(256);
            b.Property(u => u.Level).HasMaxLength(32);
            b.Property(u => u.Kind).HasMaxLength(32);
            b.Property(u => u.Path).HasMaxLength(512);
            b.Property(u => u.OriginalPath).HasMaxLength(512);
            // Codes are reused over time (10507: Cẩm Thượng until 2025-06-30, Thành Đông since): unique per day, not forever.
            b.HasIndex(u => new { u.Code, u.ValidFrom }).IsUnique();
            b.HasIndex(u => u.Path);
            b.HasIndex(u => u.ParentId);
            // Units are the tenants themselves: the acting unit sees itself and its descendants.
            b.HasQueryFilter(PlatformModelConventions.ScopeFilter, u => u.Path.StartsWith(ScopePath));
        });
        builder.Entity<UnitSuccession>(b =>
        {
            b.Property(s => s.Reason).HasMaxLength(128);
            b.HasIndex(s => s.PredecessorId);
            b.HasIndex(s => s.SuccessorId);
        });
        builder.Entity<Reorganisation>(b =>
        {
            b.Property(r => r.Title).HasMaxLength(256);
            b.Property(r => r.LegalBasis).HasMaxLength(1024);
            b.Property(r => r.ContentHash).HasMaxLength(64);
            b.Property(r => r.AppliedBy).HasMaxLength(256);
            b.HasIndex(r => r.ContentHash).IsUnique();
        });
        builder.Entity<UnitDesignation>(b =>
        {
            b.Property(d => d.Kind).HasMaxLength(32);
            b.Property(d => d.LegalBasis).HasMaxLength(512);
            b.Property(d => d.UnitPath).HasMaxLength(512);
            b.Property(d => d.CreatedBy).HasMaxLength(256);
            b.Property(d => d.ModifiedBy).HasMaxLength(256);
            b.HasIndex(d => new { d.UnitId, d.Kind, d.ValidFrom });
            b.HasIndex(d => d.UnitPath);
        });
        builder.Entity<Agency>(b =>
        {
            b.Property(a => a.Code).HasMaxLength(32);
            b.Property(a => a.Name).HasMaxLength(256);
            b.Property(a => a.Kind).HasMaxLength(32);
            b.HasIndex(a => a.Code).IsUnique();
        });
        builder.Entity<UnitMembership>(b =>
        {
            b.HasIndex(m => new { m.UserId, m.UnitId, m.ValidFrom }).IsUnique();
            b.HasIndex(m => m.UnitPath);
            b.Property(m => m.AgencyCode).HasMaxLength(32);
        });
        builder.Entity<RolePermission>(b =>
        {
            b.HasKey(p => new { p.Role, p.Permission });
            b.Property(p => p.Role).HasMaxLength(64);
            b.Property(p => p.Permission).HasMaxLength(128);
        });
        builder.Entity<ApiClient>(b =>
        {
            b.Property(c => c.ClientId).HasMaxLength(100);
            b.HasIndex(c => c.ClientId).IsUnique();
        });
        builder.Entity<IdempotencyRecord>(b =>
        {
            b.HasKey(r => new { r.Caller, r.Key });
            b.Property(r => r.Caller).HasMaxLength(128);
            b.Property(r => r.Key).HasMaxLength(128);
            b.Property(r => r.RequestHash).HasMaxLength(64);
        });
        // Tables, columns and indexes as Counters created them: on PostgreSQL they were moved here with their data (ADR 0022).
        builder.Entity<DayOff>(b =>
        {
            b.ToTable("DaysOff");
            b.HasIndex(d => d.Date).IsUnique();
            b.Property(d => d.Kind).HasMaxLength(32);
            b.Property(d => d.Name).HasMaxLength(256);
            b.Property(d => d.Source).HasMaxLength(2000);
        });
        builder.Entity<UnitOfficeHours>(b =>
        {
            b.ToTable("OfficeHours");
            b.HasIndex(h => h.UnitId).IsUnique();
            b.Property(h => h.CreatedBy).HasMaxLength(256);
            b.Property(h => h.ModifiedBy).HasMaxLength(256);
        });

        builder.ApplyPlatformConventions(this);
    }
}
