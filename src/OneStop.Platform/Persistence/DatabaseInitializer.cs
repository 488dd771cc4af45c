using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OneStop.Platform.Persistence;

/// <summary>
/// Brings every context's schema up to date: EF migrations on PostgreSQL; on the embedded SQLite files the schema is
/// created from the model (see ADR 0003: the embedded default is for trying the product, not for upgrades), plus the
/// one-time move of the working calendar from the counters file into the platform file (ADR 0022). The kernel's
/// context is registered first, so it is migrated first: its migration moves the calendar tables out of Counters'
/// schema before Counters' own migration looks at them.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        foreach (var registration in scope.ServiceProvider.GetServices<DbContextRegistration>())
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            if (options.IsPostgreSql)
            {
                logger.LogInformation("Migrating schema {Schema}", registration.Schema);
                await context.Database.MigrateAsync(ct);
            }
            else
            {
                await context.Database.EnsureCreatedAsync(ct);
                await AddPendingAuditTableAsync(context, ct);
            }
        }

        if (!options.IsPostgreSql)
        {
            var countersFile = Path.Combine(options.DataDirectory, "counters.db");
            await OneStop.Platform.Calendar.EmbeddedCalendarMove.RunAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), countersFile, logger, ct);
        }
    }

    /// <summary>
    /// Every write needs the pending audit table (ADR 0047): an embedded file created before it gets it from the model's
    /// own DDL, the one exception to "no upgrades" of ADR 0003, since without it nothing could be saved.
    /// </summary>
    private static async Task AddPendingAuditTableAsync(DbContext context, CancellationToken ct)
    {
        var table = context.Model.FindEntityType(typeof(OneStop.Platform.Auditing.PendingAuditRecord))!.GetTableName()!;
        var create = context.Database.GenerateCreateScript().Split(";")
            .Select(statement => statement.Trim())
            .Single(statement => statement.StartsWith($"CREATE TABLE \"{table}\"", StringComparison.Ordinal));
#pragma warning disable EF1003 // the model's own DDL, no input in it
        await context.Database.ExecuteSqlRawAsync(create.Replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS", StringComparison.Ordinal) + ";", ct);
#pragma warning restore EF1003
    }
}
