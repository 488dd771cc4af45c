using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OneStop.Platform.Persistence;

/// <summary>A context the platform knows about: migrated at start-up, relayed by the outbox, checked by health checks.</summary>
public sealed record DbContextRegistration(Type ContextType, string Schema);

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers a module's context on the configured provider: PostgreSQL (schema per module, migrations history in the
    /// module's schema) or SQLite (one file per module under the data directory).
    /// </summary>
    public static IServiceCollection AddPlatformDbContext<TContext>(this IServiceCollection services, string schema)
        where TContext : DbContext
    {
        // The options once per host, not once per request: built per scope they cost every request a rebuild of EF's
        // warning configuration and extensions for each context it touches, and a field-by-field comparison with the
        // cached ones. They depend only on singletons (the database options, the save interceptor).
        services.AddDbContext<TContext>((sp, options) => ConfigureProvider(sp, options, typeof(TContext), schema), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddSingleton(new DbContextRegistration(typeof(TContext), schema));
        return services;
    }

    private static readonly SqliteConnectionSetup SqliteSetup = new();

    internal static void ConfigureProvider(IServiceProvider sp, DbContextOptionsBuilder options, Type contextType, string schema)
    {
        var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (db.IsPostgreSql)
        {
            options.UseNpgsql(PostgreSqlConnectionString.Of(db.ConnectionString), npgsql => npgsql
                .MigrationsHistoryTable("__EFMigrationsHistory", schema)
                .MigrationsAssembly(contextType.Assembly.GetName().Name));
        }
        else
        {
            Directory.CreateDirectory(db.DataDirectory);
            options.UseSqlite($"Data Source={Path.Combine(db.DataDirectory, schema + ".db")};Default Timeout=30")
                // One file per module stands in for the schema.
                .ConfigureWarnings(w => w.Ignore(SqliteEventId.SchemaConfiguredWarning))
                .AddInterceptors(SqliteSetup);
        }

        options.AddInterceptors(sp.GetRequiredService<PlatformSaveChangesInterceptor>());
        // EF's check that a context is not used by two threads at once sets an async-local value twice per row read
        // (a tenth of the cockpit page's allocations, ADR 0061): on for the tests, where misuse must fail loudly, off
        // in the product by default.
        options.EnableThreadSafetyChecks(db.ThreadSafetyChecks);
    }
}
