using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Training.Infrastructure;

/// <summary>The Training module's data, schema "training".</summary>
internal sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options, ICurrentScope currentScope)
    : ModuleDbContext(options, currentScope)
{
    public const string SchemaName = "training";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}
