using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Counters.Infrastructure;

/// <summary>The Counters module's data, schema "counters".</summary>
internal sealed class CountersDbContext(DbContextOptions<CountersDbContext> options, ICurrentScope currentScope)
    : ModuleDbContext(options, currentScope)
{
    public const string SchemaName = "counters";

    public override string Schema => SchemaName;

    /// <summary>
    /// An officer of an agency (a department, Chi cục Thuế, the post office: <see cref="UnitScope.AgencyCode"/>) sees the
    /// dossiers with a step at that agency, or that it carried, only (ADR 0036); everyone else sees the unit path's.
    /// </summary>
    public const string AgencyFilter = "Agency";

    internal string? ScopeAgencyCode => CurrentScope.Unit.AgencyCode;

    public DbSet<Procedure> Procedures => Set<Procedure>();
    public DbSet<ProcedureLegalTime> ProcedureLegalTimes => Set<ProcedureLegalTime>();
    public DbSet<ProcedureStep> ProcedureSteps => Set<ProcedureStep>();
    public DbSet<ProcedureComponent> ProcedureComponents => Set<ProcedureComponent>();
    public DbSet<ProcedureFee> ProcedureFees => Set<ProcedureFee>();
    public DbSet<ProcedureVersion> ProcedureVersions => Set<ProcedureVersion>();
    public DbSet<ProcedureVersionComponent> ProcedureVersionComponents => Set<ProcedureVersionComponent>();
    public DbSet<ProcedureVersionFee> ProcedureVersionFees => Set<ProcedureVersionFee>();
    public DbSet<DocumentType> DocumentTypes => Set<DocumentType>();
    public DbSet<LocationIndependentDecision> LocationIndependentDecisions => Set<LocationIndependentDecision>();
    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<DossierHandover> DossierHandovers => Set<DossierHandover>();
    public DbSet<DossierCodeCounter> DossierCodeCounters => Set<DossierCodeCounter>();
    public DbSet<DossierRegisterCounter> DossierRegisterCounters => Set<DossierRegisterCounter>();
    public DbSet<ApologyLetter> ApologyLetters => Set<ApologyLetter>();
    public DbSet<OnlineSubmission> OnlineSubmissions => Set<OnlineSubmission>();
    public DbSet<ApplicantSupplementFile> ApplicantSupplementFiles => Set<ApplicantSupplementFile>();
    public DbSet<DossierComponentFile> DossierComponentFiles => Set<DossierComponentFile>();


    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        DossierModel.Configure(modelBuilder);
        ApplicantSupplementFileModel.Configure(modelBuilder);
        modelBuilder.Entity<Dossier>().HasQueryFilter(AgencyFilter, d => ScopeAgencyCode == null || d.AgencyTrail.Contains("|" + ScopeAgencyCode + "|"));
        modelBuilder.Entity<Procedure>(b =>
        {
            b.ToTable("Procedures");
            b.HasIndex(p => p.Code).IsUnique();
            b.Property(p => p.Code).HasMaxLength(32);
            b.Property(p => p.Name).HasMaxLength(2000);
            b.Property(p => p.SearchText).HasMaxLength(2100);
            b.Property(p => p.Field).HasMaxLength(256);
            b.Property(p => p.ExecutingAgency).HasMaxLength(2000);
            b.Property(p => p.Source).HasMaxLength(512);
            b.Property(p => p.CreatedBy).HasMaxLength(256);
            b.Property(p => p.ModifiedBy).HasMaxLength(256);
            b.HasMany(p => p.Components).WithOne().HasForeignKey(c => c.ProcedureId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(p => p.LegalTimes).WithOne().HasForeignKey(c => c.ProcedureId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(p => p.Fees).WithOne().HasForeignKey(c => c.ProcedureId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(p => p.Steps).WithOne().HasForeignKey(c => c.ProcedureId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProcedureVersion>(b =>
        {
            b.ToTable("ProcedureVersions");
            b.HasIndex(v => new { v.ProcedureId, v.Number }).IsUnique();
            b.Property(v => v.Status).HasMaxLength(16);
            b.Property(v => v.SourceKind).HasMaxLength(16);
            b.Property(v => v.SourceName).HasMaxLength(512);
            b.Property(v => v.SourceHash).HasMaxLength(64);
            b.Property(v => v.Changes).HasMaxLength(256);
            b.Property(v => v.Name).HasMaxLength(2000);
            b.Property(v => v.Field).HasMaxLength(256);
            b.Property(v => v.ExecutingAgency).HasMaxLength(2000);
            b.Property(v => v.ChannelsText).HasMaxLength(64);
            b.Property(v => v.FeesText).HasMaxLength(2000);
            b.Property(v => v.ResultTypes).HasMaxLength(4000);
            b.Property(v => v.FormSchema).HasMaxLength(ProcedureVersionLimits.FormSchemaLength);
            b.Property(v => v.CreatedBy).HasMaxLength(256);
            b.Property(v => v.ModifiedBy).HasMaxLength(256);
            b.HasMany(v => v.Components).WithOne().HasForeignKey(c => c.ProcedureVersionId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(v => v.Fees).WithOne().HasForeignKey(f => f.ProcedureVersionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProcedureVersionComponent>(b =>
        {
            b.ToTable("ProcedureVersionComponents");
            b.HasIndex(c => new { c.ProcedureVersionId, c.Order }).IsUnique();
            b.HasIndex(c => c.DocumentTypeCode);
            b.Property(c => c.Name).HasMaxLength(1000);
            b.Property(c => c.DocumentTypeCode).HasMaxLength(64);
            b.Property(c => c.SubmissionForm).HasMaxLength(16);
        });
        modelBuilder.Entity<ProcedureVersionFee>(b =>
        {
            b.ToTable("ProcedureVersionFees");
            b.Property(f => f.Channel).HasMaxLength(16);
            b.Property(f => f.Kind).HasMaxLength(64);
            b.Property(f => f.AmountVnd).HasPrecision(18, 2);
            b.Property(f => f.Exemption).HasMaxLength(1000);
        });
        modelBuilder.Entity<DocumentType>(b =>
        {
            b.ToTable("DocumentTypes");
            b.HasIndex(d => d.Code).IsUnique();
            b.Property(d => d.Code).HasMaxLength(64);
            b.Property(d => d.Name).HasMaxLength(512);
            b.Property(d => d.CreatedBy).HasMaxLength(256);
            b.Property(d => d.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<ProcedureComponent>(b =>
        {
            b.ToTable("ProcedureComponents");
            b.Property(c => c.Name).HasMaxLength(1000);
            b.Property(c => c.DocumentTypeCode).HasMaxLength(64);
            b.Property(c => c.SubmissionForm).HasMaxLength(16);
        });
        modelBuilder.Entity<ProcedureLegalTime>(b =>
        {
            b.ToTable("ProcedureLegalTimes");
            b.HasIndex(t => new { t.ProcedureId, t.Version, t.Channel }).IsUnique();
            b.Property(t => t.Channel).HasMaxLength(16);
            b.Property(t => t.Unit).HasMaxLength(16);
            b.Property(t => t.Reason).HasMaxLength(1000);
            b.Property(t => t.Value).HasPrecision(9, 2);
        });
        modelBuilder.Entity<ProcedureFee>(b =>
        {
            b.ToTable("ProcedureFees");
            b.Property(f => f.Channel).HasMaxLength(16);
            b.Property(f => f.Kind).HasMaxLength(64);
            b.Property(f => f.AmountVnd).HasPrecision(18, 2);
            b.Property(f => f.Exemption).HasMaxLength(1000);
        });
        modelBuilder.Entity<LocationIndependentDecision>(b =>
        {
            b.ToTable("LocationIndependentDecisions");
            b.HasIndex(d => new { d.Number, d.SignedOn }).IsUnique();
            b.HasIndex(d => d.EffectiveFrom);
            b.Property(d => d.Number).HasMaxLength(64);
            b.Property(d => d.Signer).HasMaxLength(256);
            b.Property(d => d.Title).HasMaxLength(2000);
            b.Property(d => d.SignedPdfKey).HasMaxLength(64);
            b.Property(d => d.SignedPdfName).HasMaxLength(256);
            b.Property(d => d.CreatedBy).HasMaxLength(256);
            b.Property(d => d.ModifiedBy).HasMaxLength(256);
            b.HasMany(d => d.Procedures).WithOne().HasForeignKey(p => p.DecisionId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(d => d.Units).WithOne().HasForeignKey(u => u.DecisionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LocationIndependentDecisionProcedure>(b =>
        {
            b.ToTable("LocationIndependentDecisionProcedures");
            b.HasKey(p => new { p.DecisionId, p.ProcedureCode });
            b.HasIndex(p => p.ProcedureCode);
            b.Property(p => p.ProcedureCode).HasMaxLength(32);
        });
        modelBuilder.Entity<LocationIndependentDecisionUnit>(b =>
        {
            b.ToTable("LocationIndependentDecisionUnits");
            b.HasKey(u => new { u.DecisionId, u.UnitId });
        });
        modelBuilder.Entity<ProcedureStep>(b =>
        {
            b.ToTable("ProcedureSteps");
            b.HasIndex(s => new { s.ProcedureId, s.EffectiveFrom, s.Order }).IsUnique();
            b.Property(s => s.Name).HasMaxLength(512);
            b.Property(s => s.Kind).HasMaxLength(16);
            b.Property(s => s.AgencyCode).HasMaxLength(32);
            b.Property(s => s.BudgetHours).HasPrecision(9, 2);
        });
    }
}
