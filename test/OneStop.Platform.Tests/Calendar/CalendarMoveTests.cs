using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Platform.Calendar;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.TestKit;
using Shouldly;
using Xunit;

namespace OneStop.Platform.Tests.Calendar;

/// <summary>
/// ADR 0022: the working calendar moved from Counters to the kernel. A database from before the move (days off and an
/// office-hours override entered in Counters' tables) is brought up to date by the start-up path (kernel first, then
/// Counters) and the kernel reads the same rows; on the embedded SQLite files the rows are copied once.
/// </summary>
public sealed class CalendarMoveTests
{
    private const string PlatformBefore = "20261206181031_OrderedDelivery";
    private const string CountersBefore = "20261206181225_OrderedDelivery";
    private static readonly Guid UnitId = Guid.Parse("0193a000-0000-7000-8000-000000000031");
    private static readonly DateOnly ExtraDay = new(2026, 6, 15);

    [Fact]
    public async Task PostgreSql_moves_the_calendar_tables_with_their_rows()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.PostgreSql);
        await using (var platform = PlatformContext(database))
        {
            await platform.GetService<IMigrator>().MigrateAsync(PlatformBefore);
        }

        await using (var counters = CountersContext(database))
        {
            await counters.GetService<IMigrator>().MigrateAsync(CountersBefore);
        }

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand($"""
                INSERT INTO counters."DaysOff" ("Id", "Date", "Kind", "Name", "Source")
                VALUES ('{Guid.NewGuid()}', '2026-01-01', 'holiday', 'Tết Dương lịch', 'TB 9441/TB-BNV'),
                       ('{Guid.NewGuid()}', '{ExtraDay:yyyy-MM-dd}', 'holiday', 'Ngày nghỉ do quản trị viên nhập', 'thử');
                INSERT INTO counters."OfficeHours" ("Id", "MorningStart", "MorningEnd", "AfternoonStart", "AfternoonEnd", "UnitId", "UnitPath", "IsDeleted", "CreatedAt", "CreatedBy")
                VALUES ('{Guid.NewGuid()}', '07:30', '12:00', '13:00', '16:30', '{UnitId}', '/30/', false, now(), 'admin');
                """, connection);
            await insert.ExecuteNonQueryAsync();
        }

        await using var services = Services(database);
        await DatabaseInitializer.MigrateAsync(services);

        await AssertMovedAsync(services);
        await using var check = new NpgsqlConnection(database.ConnectionString);
        await check.OpenAsync();
        await using var gone = new NpgsqlCommand("""SELECT to_regclass('counters."DaysOff"') IS NULL AND to_regclass('counters."OfficeHours"') IS NULL""", check);
        ((bool)(await gone.ExecuteScalarAsync())!).ShouldBeTrue();
    }

    [Fact]
    public async Task PostgreSql_fresh_database_gets_the_tables_in_the_kernel_only()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.PostgreSql);
        await using var services = Services(database);
        await DatabaseInitializer.MigrateAsync(services);

        await using var check = new NpgsqlConnection(database.ConnectionString);
        await check.OpenAsync();
        await using var tables = new NpgsqlCommand("""
            SELECT to_regclass('platform."DaysOff"') IS NOT NULL AND to_regclass('platform."OfficeHours"') IS NOT NULL
               AND to_regclass('counters."DaysOff"') IS NULL AND to_regclass('counters."OfficeHours"') IS NULL
            """, check);
        ((bool)(await tables.ExecuteScalarAsync())!).ShouldBeTrue();
    }

    [Fact]
    public async Task Sqlite_copies_the_calendar_rows_from_the_counters_file_once()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        // Files as the embedded default created them before the move: the platform file without calendar tables,
        // the counters file with them and an administrator's rows.
        await using (var platform = PlatformContext(database))
        {
            await platform.Database.EnsureCreatedAsync();
            await platform.Database.ExecuteSqlRawAsync("""DROP TABLE "DaysOff"; DROP TABLE "OfficeHours";""");
        }

        await using (var counters = CountersContext(database))
        {
            await counters.Database.EnsureCreatedAsync();
        }

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(database.DataDirectory, "counters.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = $"""
                CREATE TABLE "DaysOff" ("Id" TEXT NOT NULL CONSTRAINT "PK_DaysOff" PRIMARY KEY, "Date" TEXT NOT NULL, "Kind" TEXT NOT NULL, "Name" TEXT NOT NULL, "Source" TEXT NOT NULL);
                CREATE TABLE "OfficeHours" ("Id" TEXT NOT NULL CONSTRAINT "PK_OfficeHours" PRIMARY KEY, "MorningStart" TEXT NOT NULL, "MorningEnd" TEXT NOT NULL,
                    "AfternoonStart" TEXT NOT NULL, "AfternoonEnd" TEXT NOT NULL, "UnitId" TEXT NOT NULL, "UnitPath" TEXT NOT NULL, "IsDeleted" INTEGER NOT NULL,
                    "CreatedAt" INTEGER NOT NULL, "CreatedBy" TEXT NOT NULL, "ModifiedAt" INTEGER NULL, "ModifiedBy" TEXT NULL);
                INSERT INTO "DaysOff" VALUES ('{Guid.NewGuid().ToString().ToUpperInvariant()}', '2026-01-01', 'holiday', 'Tết Dương lịch', 'TB 9441/TB-BNV'),
                                             ('{Guid.NewGuid().ToString().ToUpperInvariant()}', '{ExtraDay:yyyy-MM-dd}', 'holiday', 'Ngày nghỉ do quản trị viên nhập', 'thử');
                INSERT INTO "OfficeHours" VALUES ('{Guid.NewGuid().ToString().ToUpperInvariant()}', '07:30:00', '12:00:00', '13:00:00', '16:30:00',
                    '{UnitId.ToString().ToUpperInvariant()}', '/30/', 0, 0, 'admin', NULL, NULL);
                """;
            await create.ExecuteNonQueryAsync();
        }

        await using var services = Services(database);
        await DatabaseInitializer.MigrateAsync(services);
        await AssertMovedAsync(services);

        // A second start finds nothing left to copy and doubles nothing.
        await DatabaseInitializer.MigrateAsync(services);
        await AssertMovedAsync(services);
    }

    private static async Task AssertMovedAsync(ServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        (await db.DaysOff.CountAsync()).ShouldBe(2);
        var calendar = new WorkingCalendarReader(db, new WorkingCalendarCache());
        (await calendar.LoadAsync()).EntryOn(ExtraDay)!.Name.ShouldBe("Ngày nghỉ do quản trị viên nhập");
        (await calendar.IsWorkingDayAsync(ExtraDay)).ShouldBeFalse();
        (await calendar.OfficeHoursAsync(UnitId)).ShouldBe(new OfficeHours(new(7, 30), new(12, 0), new(13, 0), new(16, 30)));
    }

    /// <summary>The kernel's and Counters' contexts, registered as the host does (kernel first).</summary>
    private static ServiceProvider Services(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICurrentScope, AmbientScope>();
        services.AddSingleton<PlatformSaveChangesInterceptor>();
        services.Configure<DatabaseOptions>(o =>
        {
            o.Provider = database.Provider == TestProvider.PostgreSql ? "PostgreSql" : "Sqlite";
            o.ConnectionString = database.ConnectionString;
            o.DataDirectory = database.DataDirectory;
        });
        services.AddPlatformDbContext<PlatformDbContext>(PlatformDbContext.SchemaName);
        typeof(PersistenceServiceCollectionExtensions).GetMethod(nameof(PersistenceServiceCollectionExtensions.AddPlatformDbContext))!
            .MakeGenericMethod(CountersType).Invoke(null, [services, "counters"]);
        return services.BuildServiceProvider();
    }

    // Counters' context is internal to its module: reached by name, as the host reaches it through the module list.
    private static readonly Type CountersType =
        Type.GetType("OneStop.Counters.Infrastructure.CountersDbContext, OneStop.Counters", throwOnError: true)!;

    private static PlatformDbContext PlatformContext(TestDatabase database)
    {
        var builder = new DbContextOptionsBuilder<PlatformDbContext>();
        Configure(builder, database, "platform", typeof(PlatformDbContext).Assembly.GetName().Name!);
        return new PlatformDbContext(builder.Options, new AmbientScope());
    }

    private static DbContext CountersContext(TestDatabase database)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(CountersType))!;
        Configure(builder, database, "counters", CountersType.Assembly.GetName().Name!);
        return (DbContext)Activator.CreateInstance(CountersType, builder.Options, new AmbientScope())!;
    }

    private static void Configure(DbContextOptionsBuilder builder, TestDatabase database, string schema, string migrationsAssembly)
    {
        if (database.Provider == TestProvider.PostgreSql)
        {
            builder.UseNpgsql(database.ConnectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory", schema).MigrationsAssembly(migrationsAssembly));
        }
        else
        {
            builder.UseSqlite($"Data Source={Path.Combine(database.DataDirectory, schema + ".db")};Pooling=False");
        }
    }
}
