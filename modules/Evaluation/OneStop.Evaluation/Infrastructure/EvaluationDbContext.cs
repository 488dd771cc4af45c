using Microsoft.EntityFrameworkCore;
using OneStop.Evaluation.Domain;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Evaluation.Infrastructure;

/// <summary>The Evaluation module's data, schema "evaluation".</summary>
internal sealed class EvaluationDbContext(DbContextOptions<EvaluationDbContext> options, ICurrentScope currentScope)
    : ModuleDbContext(options, currentScope)
{
    public const string SchemaName = "evaluation";

    public override string Schema => SchemaName;

    public DbSet<RatedDossier> Dossiers => Set<RatedDossier>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintAuthor> ComplaintAuthors => Set<ComplaintAuthor>();
    public DbSet<KpiDefinition> Definitions => Set<KpiDefinition>();
    public DbSet<KpiTarget> Targets => Set<KpiTarget>();
    public DbSet<KpiSnapshot> Snapshots => Set<KpiSnapshot>();
    public DbSet<KpiWatermark> Watermarks => Set<KpiWatermark>();
    public DbSet<KpiDayPartial> DayPartials => Set<KpiDayPartial>();
    public DbSet<KpiDayCoverage> DayCoverage => Set<KpiDayCoverage>();
    public DbSet<KpiRun> Runs => Set<KpiRun>();
    public DbSet<KpiBreach> Breaches => Set<KpiBreach>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RatedDossier>(b =>
        {
            b.Property(d => d.Id).ValueGeneratedNever();
            b.HasIndex(d => d.Code).IsUnique();
            b.HasIndex(d => d.TicketId);
            b.Property(d => d.Code).HasMaxLength(64);
            b.Property(d => d.ProcedureName).HasMaxLength(1000);
            b.Property(d => d.Channel).HasMaxLength(16);
            b.Property(d => d.Status).HasMaxLength(32);
            b.Property(d => d.ResolvingUnitPath).HasMaxLength(512);
            b.Property(d => d.IdentityTail).HasMaxLength(4);
            b.Property(d => d.CreatedBy).HasMaxLength(256);
            b.Property(d => d.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<Rating>(b =>
        {
            b.HasIndex(r => new { r.DossierId, r.Channel }).IsUnique();
            b.HasIndex(r => r.Seq).IsUnique();
            b.HasIndex(r => r.RatedAt);
            b.Property(r => r.DossierCode).HasMaxLength(64);
            b.Property(r => r.Channel).HasMaxLength(16);
            b.Property(r => r.ClaimedChannel).HasMaxLength(16);
            b.Property(r => r.Scores).HasMaxLength(9);
            b.Property(r => r.Overall).HasMaxLength(16);
            b.Property(r => r.Comment).HasMaxLength(2000);
            b.Property(r => r.PreviousHash).HasMaxLength(64);
            b.Property(r => r.Hash).HasMaxLength(64);
            b.Property(r => r.CreatedBy).HasMaxLength(256);
            b.Property(r => r.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<ComplaintAuthor>(b =>
        {
            // ADR 0050: who sent a complaint from the portal, one row per complaint.
            b.HasIndex(a => a.ComplaintId).IsUnique();
            b.HasIndex(a => a.AuthorKey);
            b.HasOne<Complaint>().WithMany().HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Cascade);
            b.Property(a => a.AuthorKey).HasMaxLength(20);
            b.Property(a => a.UnitName).HasMaxLength(256);
            b.Property(a => a.CreatedBy).HasMaxLength(256);
            b.Property(a => a.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<Complaint>(b =>
        {
            b.HasIndex(c => c.Code).IsUnique();
            b.HasIndex(c => c.ReceivedAt);
            b.HasIndex(c => c.ResolvedAt);
            b.Property(c => c.Code).HasMaxLength(32);
            b.Property(c => c.Channel).HasMaxLength(16);
            b.Property(c => c.Subject).HasMaxLength(256);
            b.Property(c => c.Content).HasMaxLength(4000);
            b.Property(c => c.ApplicantName).HasMaxLength(256);
            b.Property(c => c.Contact).HasMaxLength(256);
            b.Property(c => c.DossierCode).HasMaxLength(64);
            b.Property(c => c.Outcome).HasMaxLength(16);
            b.Property(c => c.Answer).HasMaxLength(4000);
            b.Property(c => c.CreatedBy).HasMaxLength(256);
            b.Property(c => c.ModifiedBy).HasMaxLength(256);
            b.Ignore(c => c.IsResolved);
            b.Ignore(c => c.HandlingHours);
        });
        modelBuilder.Entity<KpiDefinition>(b =>
        {
            b.HasIndex(d => d.Code).IsUnique();
            b.Property(d => d.Code).HasMaxLength(64);
            b.Property(d => d.Group).HasMaxLength(16);
            b.Property(d => d.NameVi).HasMaxLength(512);
            b.Property(d => d.NameEn).HasMaxLength(512);
            b.Property(d => d.NumeratorVi).HasMaxLength(512);
            b.Property(d => d.DenominatorVi).HasMaxLength(512);
            b.Property(d => d.NumeratorEn).HasMaxLength(512);
            b.Property(d => d.DenominatorEn).HasMaxLength(512);
            b.Property(d => d.Measure).HasMaxLength(16);
            b.Property(d => d.Levels).HasMaxLength(64);
            b.Property(d => d.Periods).HasMaxLength(64);
            b.Property(d => d.Module).HasMaxLength(32);
            b.Property(d => d.SourceNote).HasMaxLength(1000);
            b.Property(d => d.TargetText).HasMaxLength(512);
            b.Property(d => d.MaxPoints).HasPrecision(6, 2);
            b.Property(d => d.FullAt).HasPrecision(6, 4);
            b.Ignore(d => d.LevelList);
            b.Ignore(d => d.PeriodList);
        });
        modelBuilder.Entity<KpiTarget>(b =>
        {
            // Unique per KPI, year, level and unit; the handler checks the rows whose level or unit is null.
            b.HasIndex(t => new { t.Code, t.Year, t.Level, t.UnitId }).IsUnique();
            b.Property(t => t.Code).HasMaxLength(64);
            b.Property(t => t.Level).HasMaxLength(16);
            b.Property(t => t.LegalBasis).HasMaxLength(512);
            b.Property(t => t.Value).HasPrecision(12, 2);
        });
        modelBuilder.Entity<KpiSnapshot>(b =>
        {
            b.ToTable("KpiSnapshots");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).ValueGeneratedNever();
            b.HasIndex(s => new { s.KpiCode, s.PeriodKey, s.UnitId, s.Structure }).IsUnique();
            b.Property(s => s.Structure).HasMaxLength(8);
            // The cockpit reads one period for a subtree; the trend reads one unit over a year.
            b.HasIndex(s => new { s.PeriodKey, s.UnitPath });
            // One unit's period (the cockpit's cards and index, each child's row): exact, not the unit's every day.
            b.HasIndex(s => new { s.UnitId, s.PeriodKey });
            b.HasIndex(s => new { s.UnitId, s.PeriodKind, s.PeriodStart });
            b.Property(s => s.KpiCode).HasMaxLength(64);
            b.Property(s => s.UnitLevel).HasMaxLength(16);
            b.Property(s => s.PeriodKind).HasMaxLength(8);
            b.Property(s => s.PeriodKey).HasMaxLength(10);
            b.Property(s => s.Numerator).HasPrecision(18, 2);
            b.Property(s => s.Denominator).HasPrecision(18, 2);
            b.Property(s => s.Value).HasPrecision(12, 2);
            b.Property(s => s.Target).HasPrecision(12, 2);
            b.Property(s => s.Points).HasPrecision(6, 2);
        });
        modelBuilder.Entity<KpiDayPartial>(b =>
        {
            b.ToTable("KpiDayPartials");
            b.HasKey(p => p.Id);
            b.Property(p => p.Id).ValueGeneratedNever();
            // Read and replaced by code and day range (a period's roll-up, a changed day's recompute).
            b.HasIndex(p => new { p.KpiCode, p.Day });
            b.Property(p => p.KpiCode).HasMaxLength(64);
            b.Property(p => p.Numerator).HasPrecision(18, 2);
            b.Property(p => p.Denominator).HasPrecision(18, 2);
        });
        modelBuilder.Entity<KpiDayCoverage>(b =>
        {
            b.ToTable("KpiDayCoverage");
            b.HasKey(c => new { c.Calculator, c.Year });
            b.Property(c => c.Calculator).HasMaxLength(256);
        });
        modelBuilder.Entity<KpiWatermark>(b =>
        {
            b.ToTable("KpiWatermarks");
            b.HasKey(w => w.Calculator);
            b.Property(w => w.Calculator).HasMaxLength(256);
        });
        modelBuilder.Entity<KpiRun>(b =>
        {
            b.ToTable("KpiRuns");
            b.HasIndex(r => r.StartedAt);
            b.Property(r => r.Kind).HasMaxLength(16);
            b.Property(r => r.Error).HasMaxLength(2000);
        });
        modelBuilder.Entity<KpiBreach>(b =>
        {
            b.HasIndex(x => new { x.KpiCode, x.PeriodKey, x.UnitId }).IsUnique();
            b.Property(x => x.KpiCode).HasMaxLength(64);
            b.Property(x => x.PeriodKey).HasMaxLength(10);
            b.Property(x => x.Value).HasPrecision(12, 2);
            b.Property(x => x.Target).HasPrecision(12, 2);
            b.Property(x => x.CreatedBy).HasMaxLength(256);
            b.Property(x => x.ModifiedBy).HasMaxLength(256);
        });
    }
}
