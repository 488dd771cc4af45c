using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Counters.Infrastructure;

/// <summary>The Counters module's data, schema "counters".</summary>
internal sealed class CountersDbContext(DbContextOptions<CountersDbContext> options, ICurrentScope currentScope)
    : ModuleDbContext(options, currentScope)
{
    public const string SchemaName = "counters";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}
