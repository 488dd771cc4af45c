using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Evaluation.Infrastructure;

/// <summary>The Evaluation module's data, schema "evaluation".</summary>
internal sealed class EvaluationDbContext(DbContextOptions<EvaluationDbContext> options, ICurrentScope currentScope)
    : ModuleDbContext(options, currentScope)
{
    public const string SchemaName = "evaluation";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}
