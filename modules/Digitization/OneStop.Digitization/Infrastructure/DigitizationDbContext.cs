using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Infrastructure;

/// <summary>The Digitization module's data, schema "digitization".</summary>
internal sealed class DigitizationDbContext(DbContextOptions<DigitizationDbContext> options, ICurrentScope currentScope)
    : ModuleDbContext(options, currentScope)
{
    public const string SchemaName = "digitization";

    public override string Schema => SchemaName;

    public DbSet<DigitizedDocument> Documents => Set<DigitizedDocument>();
    public DbSet<ScanQueueItem> ScanQueue => Set<ScanQueueItem>();
    public DbSet<DossierRecord> Dossiers => Set<DossierRecord>();
    public DbSet<DigitizationDesk> Desks => Set<DigitizationDesk>();
    public DbSet<ArchiveRecord> Archives => Set<ArchiveRecord>();
    public DbSet<ApplicantConsent> Consents => Set<ApplicantConsent>();
    public DbSet<DataAccessEntry> AccessLog => Set<DataAccessEntry>();
    public DbSet<CertifiedCopy> CertifiedCopies => Set<CertifiedCopy>();
    public DbSet<CertificationCounter> CertificationCounters => Set<CertificationCounter>();
    public DbSet<IssuedResult> Results => Set<IssuedResult>();

    /// <summary>
    /// Lưu trữ is immutable: whatever code path tries it, a change to an archived document or archive record (or
    /// deleting one) is refused before anything is written, so the audit trail never shows a change after archiving.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var touchesArchive = ChangeTracker.Entries<DigitizedDocument>()
            .Any(e => e.State is EntityState.Modified or EntityState.Deleted && e.Property(d => d.ArchivedAt).OriginalValue is not null)
            || ChangeTracker.Entries<ArchiveRecord>().Any(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (touchesArchive)
        {
            throw new PlatformException(DigitizationErrorCodes.Archived, 409) { MessageCode = DigitizationMessages.ArchivedReadOnly };
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DigitizedDocument>(b =>
        {
            b.ToTable("Documents");
            b.HasIndex(d => d.DigitizedCode).IsUnique();
            b.HasIndex(d => new { d.ApplicantIdentity, d.DocumentTypeCode });
            b.HasIndex(d => d.DossierId);
            b.HasIndex(d => d.VerificationCode).IsUnique();
            // Electronic certified copies per commune and period (KPI 766 5.3).
            b.HasIndex(d => d.SignedAt);
            b.Property(d => d.Kind).HasMaxLength(16);
            b.Property(d => d.DossierCode).HasMaxLength(64);
            b.Property(d => d.ProcedureCode).HasMaxLength(64);
            b.Property(d => d.ApplicantKind).HasMaxLength(16);
            b.Property(d => d.ApplicantIdentity).HasMaxLength(32);
            b.Property(d => d.ApplicantName).HasMaxLength(256);
            b.Property(d => d.Name).HasMaxLength(512);
            b.Property(d => d.DocumentTypeCode).HasMaxLength(64);
            b.Property(d => d.DigitizedCode).HasMaxLength(64);
            b.Property(d => d.BlobKey).HasMaxLength(64);
            b.Property(d => d.SignedBlobKey).HasMaxLength(64);
            b.Property(d => d.ContentType).HasMaxLength(64);
            b.Property(d => d.FileName).HasMaxLength(256);
            b.Property(d => d.Place).HasMaxLength(16);
            b.Property(d => d.DeskName).HasMaxLength(256);
            b.Property(d => d.SignedBy).HasMaxLength(256);
            b.Property(d => d.SignerSubject).HasMaxLength(512);
            b.Property(d => d.SignerIssuer).HasMaxLength(512);
            b.Property(d => d.CertificateSerial).HasMaxLength(128);
            b.Property(d => d.VerificationCode).HasMaxLength(32);
            b.Property(d => d.CreatedBy).HasMaxLength(256);
            b.Property(d => d.ModifiedBy).HasMaxLength(256);
            b.Ignore(d => d.IsSigned);
            b.Ignore(d => d.CurrentBlobKey);
        });
        modelBuilder.Entity<ScanQueueItem>(b =>
        {
            b.ToTable("ScanQueue");
            b.HasIndex(q => new { q.DossierId, q.Kind, q.DocumentTypeCode, q.Name }).IsUnique();
            b.HasIndex(q => q.Status);
            b.Property(q => q.DossierCode).HasMaxLength(64);
            b.Property(q => q.ProcedureCode).HasMaxLength(64);
            b.Property(q => q.ApplicantName).HasMaxLength(256);
            b.Property(q => q.Kind).HasMaxLength(16);
            b.Property(q => q.Name).HasMaxLength(512);
            b.Property(q => q.DocumentTypeCode).HasMaxLength(64);
            b.Property(q => q.Status).HasMaxLength(16);
            b.Property(q => q.CreatedBy).HasMaxLength(256);
            b.Property(q => q.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<DossierRecord>(b =>
        {
            b.ToTable("Dossiers");
            b.Property(d => d.Id).ValueGeneratedNever();
            b.HasIndex(d => d.Code);
            b.HasIndex(d => d.ResolvedAt);
            // The KPIs count dossiers by reception day as well as by resolution day.
            b.HasIndex(d => d.ReceivedAt);
            b.Property(d => d.Code).HasMaxLength(64);
            b.Property(d => d.ProcedureCode).HasMaxLength(64);
            b.Property(d => d.ProcedureName).HasMaxLength(512);
            b.Property(d => d.ApplicantKind).HasMaxLength(16);
            b.Property(d => d.ApplicantIdentity).HasMaxLength(32);
            b.Property(d => d.ApplicantName).HasMaxLength(256);
            b.Property(d => d.Status).HasMaxLength(32);
            b.Property(d => d.ResolvingUnitPath).HasMaxLength(512);
            b.Property(d => d.CreatedBy).HasMaxLength(256);
            b.Property(d => d.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<IssuedResult>(b =>
        {
            b.ToTable("Results");
            // One line per resolved dossier, however often its resolution is redelivered.
            b.HasIndex(r => r.DossierId).IsUnique();
            // The KPI counts the stock valid at a period's end: issued before it, not expired.
            b.HasIndex(r => new { r.IssuedOn, r.ValidUntil });
            b.HasIndex(r => r.DocumentId);
            b.Property(r => r.Source).HasMaxLength(16);
            b.Property(r => r.CompetentLevel).HasMaxLength(16);
            b.Property(r => r.IssuingBody).HasMaxLength(256);
            b.Property(r => r.Name).HasMaxLength(512);
            b.Property(r => r.ProcedureCode).HasMaxLength(64);
            b.Property(r => r.ApplicantIdentity).HasMaxLength(32);
            b.Property(r => r.ApplicantName).HasMaxLength(256);
            b.Property(r => r.DossierCode).HasMaxLength(64);
            b.Property(r => r.CreatedBy).HasMaxLength(256);
            b.Property(r => r.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<DigitizationDesk>(b =>
        {
            b.ToTable("Desks");
            b.HasIndex(d => d.AgencyId).IsUnique();
            b.Property(d => d.AgencyCode).HasMaxLength(32);
            b.Property(d => d.AgencyName).HasMaxLength(256);
            b.Property(d => d.CreatedBy).HasMaxLength(256);
            b.Property(d => d.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<ArchiveRecord>(b =>
        {
            b.ToTable("Archives");
            b.HasIndex(a => a.DossierId).IsUnique();
            b.Property(a => a.DossierCode).HasMaxLength(64);
            b.Property(a => a.ApplicantIdentity).HasMaxLength(32);
            b.Property(a => a.ManifestSha256).HasMaxLength(64);
            b.Property(a => a.CreatedBy).HasMaxLength(256);
            b.Property(a => a.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<ApplicantConsent>(b =>
        {
            b.ToTable("Consents");
            b.HasIndex(c => new { c.ApplicantIdentity, c.UnitId, c.EffectiveFrom });
            b.Property(c => c.ApplicantIdentity).HasMaxLength(32);
            b.Property(c => c.Purpose).HasMaxLength(512);
            b.Property(c => c.CreatedBy).HasMaxLength(256);
            b.Property(c => c.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<CertifiedCopy>(b =>
        {
            b.ToTable("CertifiedCopies");
            // One số chứng thực per unit and year, whatever happens to the counter.
            b.HasIndex(c => new { c.UnitId, c.Year, c.Number }).IsUnique();
            // KPI 766 5.3 counts communes by certification time.
            b.HasIndex(c => c.CertifiedAt);
            b.HasIndex(c => c.DocumentId);
            b.HasIndex(c => c.DossierId);
            b.Property(c => c.RegisterNumber).HasMaxLength(32);
            b.Property(c => c.DossierCode).HasMaxLength(64);
            b.Property(c => c.RequesterName).HasMaxLength(256);
            b.Property(c => c.RequesterIdentity).HasMaxLength(32);
            b.Property(c => c.DocumentName).HasMaxLength(512);
            b.Property(c => c.IssuingBody).HasMaxLength(256);
            b.Property(c => c.OfficerLogin).HasMaxLength(256);
            b.Property(c => c.OfficerName).HasMaxLength(256);
            b.Property(c => c.OfficerPosition).HasMaxLength(256);
            b.Property(c => c.Note).HasMaxLength(1000);
            b.Property(c => c.CreatedBy).HasMaxLength(256);
            b.Property(c => c.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<CertificationCounter>(b =>
        {
            b.ToTable("CertificationCounters");
            b.HasKey(c => new { c.UnitKey, c.Year });
            b.Property(c => c.UnitKey).HasMaxLength(36);
        });
        modelBuilder.Entity<DataAccessEntry>(b =>
        {
            b.ToTable("AccessLog");
            b.HasIndex(a => a.ApplicantIdentity);
            b.Property(a => a.ApplicantIdentity).HasMaxLength(32);
            b.Property(a => a.Purpose).HasMaxLength(32);
            b.Property(a => a.CreatedBy).HasMaxLength(256);
            b.Property(a => a.ModifiedBy).HasMaxLength(256);
        });
    }
}
