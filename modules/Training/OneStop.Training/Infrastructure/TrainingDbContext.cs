using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Training.Domain;

namespace OneStop.Training.Infrastructure;

/// <summary>The Training module's data, schema "training".</summary>
internal sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options, ICurrentScope currentScope)
    : ModuleDbContext(options, currentScope)
{
    public const string SchemaName = "training";

    public override string Schema => SchemaName;

    public DbSet<Course> Courses => Set<Course>();
    public DbSet<TrainingClass> Classes => Set<TrainingClass>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<TrainingPlanItem> PlanItems => Set<TrainingPlanItem>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Course>(b =>
        {
            b.HasIndex(c => c.Code).IsUnique();
            b.Property(c => c.Code).HasMaxLength(32);
            b.Property(c => c.Title).HasMaxLength(256);
            b.Property(c => c.Topic).HasMaxLength(32);
            b.Property(c => c.ProcedureField).HasMaxLength(64);
        });
        modelBuilder.Entity<TrainingClass>(b =>
        {
            b.HasOne(c => c.Course).WithMany().HasForeignKey(c => c.CourseId);
            b.Property(c => c.Title).HasMaxLength(256);
            b.Property(c => c.Venue).HasMaxLength(256);
            b.Property(c => c.Organiser).HasMaxLength(32);
            b.Property(c => c.CreatedBy).HasMaxLength(256);
            b.Property(c => c.ModifiedBy).HasMaxLength(256);
            b.HasIndex(c => c.StartsOn);
        });
        modelBuilder.Entity<Participant>(b =>
        {
            b.HasOne<TrainingClass>().WithMany().HasForeignKey(p => p.ClassId);
            b.HasIndex(p => new { p.ClassId, p.UserId }).IsUnique();
            b.HasIndex(p => p.UserId);
            b.Property(p => p.UserName).HasMaxLength(256);
            b.Property(p => p.FullName).HasMaxLength(256);
            b.Property(p => p.StaffRole).HasMaxLength(32);
            b.Property(p => p.UnitName).HasMaxLength(256);
            b.Property(p => p.Result).HasMaxLength(16);
            b.Property(p => p.CertificateNo).HasMaxLength(32);
            b.Property(p => p.CreatedBy).HasMaxLength(256);
            b.Property(p => p.ModifiedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<TrainingPlanItem>(b =>
        {
            b.HasOne<Course>().WithMany().HasForeignKey(p => p.CourseId);
            b.HasIndex(p => new { p.UnitId, p.Year, p.CourseId }).IsUnique();
            b.Property(p => p.Note).HasMaxLength(1000);
            b.Property(p => p.CreatedBy).HasMaxLength(256);
            b.Property(p => p.ModifiedBy).HasMaxLength(256);
        });
    }
}
