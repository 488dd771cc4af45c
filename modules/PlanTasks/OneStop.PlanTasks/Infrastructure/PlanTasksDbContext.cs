using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.PlanTasks.Infrastructure;

/// <summary>The PlanTasks module's data, schema "plantasks".</summary>
internal sealed class PlanTasksDbContext(DbContextOptions<PlanTasksDbContext> options, ICurrentScope currentScope)
    : ModuleDbContext(options, currentScope)
{
    public const string SchemaName = "plantasks";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}
