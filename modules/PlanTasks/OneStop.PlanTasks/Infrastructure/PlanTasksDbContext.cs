using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.PlanTasks.Domain;

namespace OneStop.PlanTasks.Infrastructure;

/// <summary>The PlanTasks module's data, schema "plantasks".</summary>
internal sealed class PlanTasksDbContext(DbContextOptions<PlanTasksDbContext> options, ICurrentScope currentScope)
    : ModuleDbContext(options, currentScope)
{
    public const string SchemaName = "plantasks";

    public override string Schema => SchemaName;

    /// <summary>
    /// Named filter beside the unit scope: someone who works for one agency of the province (a department, see
    /// <see cref="UnitScope.AgencyCode"/>) sees and reports on that agency's assignments only; the province's leaders and
    /// office, who act for the whole unit, see them all.
    /// </summary>
    public const string AgencyFilter = "Agency";

    internal string? ScopeAgencyCode => CurrentScope.Unit.AgencyCode;

    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanPhase> Phases => Set<PlanPhase>();
    public DbSet<TaskGroup> Groups => Set<TaskGroup>();
    public DbSet<PlanTask> Tasks => Set<PlanTask>();
    public DbSet<TaskAssignment> Assignments => Set<TaskAssignment>();
    public DbSet<ProgressReport> Reports => Set<ProgressReport>();
    public DbSet<EvidenceFile> Evidence => Set<EvidenceFile>();
    public DbSet<InspectionTeam> InspectionTeams => Set<InspectionTeam>();
    public DbSet<InspectionVisit> InspectionVisits => Set<InspectionVisit>();
    public DbSet<InspectionFinding> InspectionFindings => Set<InspectionFinding>();
    public DbSet<InvestmentProject> InvestmentProjects => Set<InvestmentProject>();
    public DbSet<BudgetAllocation> BudgetAllocations => Set<BudgetAllocation>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Plan>(b =>
        {
            b.HasIndex(p => p.Code).IsUnique();
            b.Property(p => p.Code).HasMaxLength(64);
            b.Property(p => p.Title).HasMaxLength(512);
            b.Property(p => p.Issuer).HasMaxLength(256);
            b.Property(p => p.IssuedOn).HasMaxLength(16);
            b.Property(p => p.Number).HasMaxLength(64);
            b.Property(p => p.Signer).HasMaxLength(256);
            b.Property(p => p.Status).HasMaxLength(16);
        });
        modelBuilder.Entity<PlanPhase>(b =>
        {
            b.HasIndex(p => new { p.PlanId, p.Code }).IsUnique();
            b.Property(p => p.Code).HasMaxLength(16);
            b.Property(p => p.Title).HasMaxLength(128);
            b.HasOne<Plan>().WithMany().HasForeignKey(p => p.PlanId);
        });
        modelBuilder.Entity<TaskGroup>(b =>
        {
            b.HasIndex(g => g.Code).IsUnique();
            b.Property(g => g.Code).HasMaxLength(32);
            b.Property(g => g.Letter).HasMaxLength(4);
            b.Property(g => g.Title).HasMaxLength(512);
            b.HasOne<PlanPhase>().WithMany().HasForeignKey(g => g.PhaseId);
        });
        modelBuilder.Entity<PlanTask>(b =>
        {
            b.HasIndex(t => t.Code).IsUnique();
            b.Property(t => t.Code).HasMaxLength(64);
            b.Property(t => t.Title).HasMaxLength(2000);
            b.Property(t => t.LeadText).HasMaxLength(1000);
            b.Property(t => t.CoordinatorText).HasMaxLength(1000);
            b.Property(t => t.Products).HasMaxLength(2000);
            b.Property(t => t.Origin).HasMaxLength(128);
            b.HasOne<TaskGroup>().WithMany().HasForeignKey(t => t.GroupId);
            b.ComplexProperty(t => t.Completion, c =>
            {
                c.Property(d => d.Kind).HasMaxLength(32).HasColumnName("CompletionKind");
                c.Property(d => d.Year).HasColumnName("CompletionYear");
                c.Property(d => d.Month).HasColumnName("CompletionMonth");
                c.Property(d => d.Quarter).HasColumnName("CompletionQuarter");
                c.Property(d => d.Day).HasColumnName("CompletionDay");
                c.Property(d => d.Text).HasMaxLength(256).HasColumnName("CompletionText");
            });
        });
        modelBuilder.Entity<TaskAssignment>(b =>
        {
            b.HasOne(a => a.Task).WithMany().HasForeignKey(a => a.PlanTaskId);
            b.HasIndex(a => new { a.PlanTaskId, a.UnitId, a.AgencyCode }).IsUnique();
            b.HasQueryFilter(AgencyFilter, a => ScopeAgencyCode == null || a.AgencyCode == ScopeAgencyCode);
            b.Property(a => a.UnitName).HasMaxLength(256);
            b.Property(a => a.AgencyCode).HasMaxLength(32);
            b.Property(a => a.Role).HasMaxLength(16);
            b.Property(a => a.Status).HasMaxLength(16);
            b.Property(a => a.CreatedBy).HasMaxLength(256);
            b.Property(a => a.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<ProgressReport>(b =>
        {
            b.HasOne(r => r.Assignment).WithMany().HasForeignKey(r => r.AssignmentId);
            b.HasMany(r => r.Evidence).WithOne().HasForeignKey(e => e.ReportId);
            b.HasIndex(r => r.AssignmentId);
            b.HasQueryFilter(AgencyFilter, r => ScopeAgencyCode == null || r.Assignment.AgencyCode == ScopeAgencyCode);
            b.Property(r => r.Kind).HasMaxLength(16);
            b.Property(r => r.Status).HasMaxLength(16);
            b.Property(r => r.Narrative).HasMaxLength(4000);
            b.Property(r => r.SubmittedBy).HasMaxLength(256);
            b.Property(r => r.Review).HasMaxLength(16);
            b.Property(r => r.ReviewComment).HasMaxLength(2000);
            b.Property(r => r.ReviewedBy).HasMaxLength(256);
            b.Property(r => r.CreatedBy).HasMaxLength(256);
            b.Property(r => r.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<EvidenceFile>(b =>
        {
            b.Property(e => e.FileName).HasMaxLength(256);
            b.Property(e => e.ContentType).HasMaxLength(128);
            b.Property(e => e.StorageKey).HasMaxLength(128);
            b.Property(e => e.Sha256).HasMaxLength(64);
            b.Property(e => e.CreatedBy).HasMaxLength(256);
            b.Property(e => e.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<InspectionTeam>(b =>
        {
            b.Property(t => t.Name).HasMaxLength(256);
            b.Property(t => t.DecisionNo).HasMaxLength(64);
            b.Property(t => t.CreatedBy).HasMaxLength(256);
            b.Property(t => t.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<InspectionVisit>(b =>
        {
            b.HasOne(v => v.Team).WithMany().HasForeignKey(v => v.TeamId);
            b.HasMany(v => v.Findings).WithOne().HasForeignKey(f => f.VisitId);
            b.Property(v => v.UnitName).HasMaxLength(256);
            b.Property(v => v.Summary).HasMaxLength(4000);
            b.Property(v => v.CreatedBy).HasMaxLength(256);
            b.Property(v => v.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<InspectionFinding>(b =>
        {
            b.Property(f => f.Text).HasMaxLength(4000);
            b.Property(f => f.CreatedBy).HasMaxLength(256);
            b.Property(f => f.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<InvestmentProject>(b =>
        {
            b.Property(p => p.Name).HasMaxLength(512);
            b.Property(p => p.ProposedAmount).HasPrecision(18, 0);
            b.Property(p => p.Status).HasMaxLength(16);
            b.HasOne<PlanTask>().WithMany().HasForeignKey(p => p.PlanTaskId);
            b.Property(p => p.CreatedBy).HasMaxLength(256);
            b.Property(p => p.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<BudgetAllocation>(b =>
        {
            b.Property(a => a.Amount).HasPrecision(18, 0);
            b.Property(a => a.Source).HasMaxLength(256);
            b.HasOne<PlanTask>().WithMany().HasForeignKey(a => a.PlanTaskId);
            b.HasOne<InvestmentProject>().WithMany().HasForeignKey(a => a.ProjectId);
            b.Property(a => a.CreatedBy).HasMaxLength(256);
            b.Property(a => a.ModifiedBy).HasMaxLength(256);
        });
    }
}
