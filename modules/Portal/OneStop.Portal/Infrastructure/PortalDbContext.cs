using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Portal.Infrastructure;

/// <summary>
/// The Portal module's data, schema "portal". The public pages read other modules through their contracts and keep
/// nothing; the module's outbox, inbox and audit tables are here for the citizen's own data to come (ADR 0042).
/// </summary>
internal sealed class PortalDbContext(DbContextOptions<PortalDbContext> options, ICurrentScope currentScope)
    : ModuleDbContext(options, currentScope)
{
    public const string SchemaName = "portal";

    public override string Schema => SchemaName;

    public DbSet<Features.Submissions.SubmissionDraft> SubmissionDrafts => Set<Features.Submissions.SubmissionDraft>();

    public DbSet<Features.Citizens.CitizenSession> CitizenSessions => Set<Features.Citizens.CitizenSession>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // Citizens' sign-in sessions (ADR 0054), found by the hash of the cookie's key.
        modelBuilder.Entity<Features.Citizens.CitizenSession>(b =>
        {
            b.HasIndex(s => s.KeyHash).IsUnique();
            b.HasIndex(s => s.ExpiresAt);
            b.Property(s => s.KeyHash).HasMaxLength(32);
            b.Property(s => s.IdentityNumber).HasMaxLength(12);
            b.Property(s => s.FullName).HasMaxLength(200);
            b.Property(s => s.EnterpriseCode).HasMaxLength(16);
            b.Property(s => s.OrganisationName).HasMaxLength(200);
            b.Property(s => s.Phone).HasMaxLength(20);
            b.Property(s => s.Email).HasMaxLength(254);
            b.Property(s => s.RevokedReason).HasMaxLength(16);
            b.Property(s => s.ClientAddress).HasMaxLength(64);
        });

        // Online submissions being prepared (ADR 0049), found by their owner's verified identity.
        modelBuilder.Entity<Features.Submissions.SubmissionDraft>(b =>
        {
            b.HasIndex(d => new { d.OwnerIdentity, d.OwnerKind, d.ProcedureCode, d.Status });
            b.Property(d => d.OwnerKind).HasMaxLength(16);
            b.Property(d => d.OwnerIdentity).HasMaxLength(32);
            b.Property(d => d.ProcedureCode).HasMaxLength(64);
            b.Property(d => d.ProcedureName).HasMaxLength(1000);
            b.Property(d => d.UnitName).HasMaxLength(256);
            b.Property(d => d.ReturnMethod).HasMaxLength(16);
            b.Property(d => d.ApplicantAddress).HasMaxLength(512);
            b.Property(d => d.FormDataJson).HasMaxLength(64_000);
            b.Property(d => d.ComponentsJson).HasMaxLength(16_000);
            b.Property(d => d.FeeVnd).HasPrecision(18, 0);
            b.Property(d => d.PaymentReference).HasMaxLength(64);
            b.Property(d => d.Status).HasMaxLength(16);
            b.Property(d => d.DossierCode).HasMaxLength(64);
            b.Property(d => d.CreatedBy).HasMaxLength(256);
            b.Property(d => d.ModifiedBy).HasMaxLength(256);
        });
    }
}
