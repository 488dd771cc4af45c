using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Digitization.Infrastructure;

/// <summary>The Digitization module's data, schema "digitization".</summary>
internal sealed class DigitizationDbContext(DbContextOptions<DigitizationDbContext> options, ICurrentScope currentScope)
    : ModuleDbContext(options, currentScope)
{
    public const string SchemaName = "digitization";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}
