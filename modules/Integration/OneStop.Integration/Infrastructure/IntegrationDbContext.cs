using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Integration.Infrastructure;

/// <summary>The Integration module's data, schema "integration".</summary>
internal sealed class IntegrationDbContext(DbContextOptions<IntegrationDbContext> options, ICurrentScope currentScope)
    : ModuleDbContext(options, currentScope)
{
    public const string SchemaName = "integration";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}
