using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;

namespace OneStop.Portal.Infrastructure;

/// <summary>
/// The Portal module's data, schema "portal". The public pages read other modules through their contracts and keep
/// nothing; the module's outbox, inbox and audit tables are here for the citizen's own data to come (ADR 0042).
/// </summary>
internal sealed class PortalDbContext(DbContextOptions<PortalDbContext> options, ICurrentScope currentScope)
    : ModuleDbContext(options, currentScope)
{
    public const string SchemaName = "portal";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}
