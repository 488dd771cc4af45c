using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Platform.Scoping;
using OneStop.Platform.TestKit;
using OneStop.Queue.Features.Visits;
using OneStop.Queue.Infrastructure;

namespace OneStop.Queue.Tests;

/// <summary>
/// The queue's tables leave Counters with their rows (ADR 0021): a database as it was before — Counters migrated up to
/// the migration before the move on PostgreSQL, an old <c>counters.db</c> holding the queue's tables on SQLite — with a
/// desk, a counter, a served ticket and its dossier link; the host then starts as after an upgrade, and the visit is
/// read back through the Queue module, and nothing of it is left in Counters.
/// </summary>
public sealed class QueueTablesMoveTests
{
    /// <summary>The last Counters migration before the queue left (QueueMovedToItsModule comes after it).</summary>
    private const string CountersBeforeTheMove = "20261206181225_OrderedDelivery";

    private static readonly Type CountersContext =
        typeof(OneStop.Counters.CountersModule).Assembly.GetType("OneStop.Counters.Infrastructure.CountersDbContext", throwOnError: true)!;

    [Fact]
    public async Task PostgreSql_moves_the_queue_tables_from_counters_with_their_rows()
    {
        var fx = new UpgradedFactory(TestProvider.PostgreSql);
        await using var _ = new Lifetime(fx);
        await ((IAsyncLifetime)fx).InitializeAsync();

        await ReadsTheVisitThroughTheQueueModuleAsync(fx);
        (await fx.Database.RowsAsync("""SELECT count(*) FROM queue."QueueTickets" """, r => r.GetInt64(0))).Single().ShouldBe(1);
        (await fx.Database.RowsAsync("""SELECT to_regclass('counters."QueueTickets"') IS NULL AND to_regclass('counters."QueueDesks"') IS NULL""", r => r.GetBoolean(0)))
            .Single().ShouldBeTrue();
        // Counters ran the move (later migrations, such as the calendar's, may follow it).
        (await fx.Database.RowsAsync("""SELECT "MigrationId" FROM counters."__EFMigrationsHistory" """, r => r.GetString(0)))
            .ShouldContain(id => id.EndsWith("_QueueMovedToItsModule", StringComparison.Ordinal));
        (await fx.Database.RowsAsync("""SELECT count(*) FROM queue."__EFMigrationsHistory" """, r => r.GetInt64(0))).Single().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Sqlite_copies_the_queue_tables_out_of_the_old_counters_file_once()
    {
        var fx = new UpgradedFactory(TestProvider.Sqlite);
        await using var _ = new Lifetime(fx);
        await ((IAsyncLifetime)fx).InitializeAsync();

        await ReadsTheVisitThroughTheQueueModuleAsync(fx);
        await using var counters = new SqliteConnection($"Data Source={Path.Combine(fx.Database.DataDirectory, "counters.db")};Pooling=false");
        await counters.OpenAsync();
        await using var command = counters.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'Queue%'";
        Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(0);

        // A second start finds nothing left to copy and keeps the rows.
        (await fx.AsSystemAsync(sp => EmbeddedQueueCopy.RunAsync(sp.GetRequiredService<QueueDbContext>(), default))).ShouldBe(0);
        (await fx.AsSystemAsync(async sp => await sp.GetRequiredService<QueueDbContext>().QueueTickets.CountAsync())).ShouldBe(1);
    }

    private static async Task ReadsTheVisitThroughTheQueueModuleAsync(UpgradedFactory fx)
    {
        var visits = await fx.AsSystemAsync(sp => sp.GetRequiredService<QueueVisitReader>().VisitsForDossierAsync(OldRows.DossierCode));
        var visit = visits.ShouldHaveSingleItem();
        visit.TicketId.ShouldBe(OldRows.TicketId);
        visit.DeskCode.ShouldBe("MCCU");
        visit.CounterName.ShouldBe("Quầy 1");
        visit.WaitSeconds.ShouldBe(600);
        visit.IssuedAt.ShouldBe(OldRows.IssuedAt);
        visit.Dossiers.ShouldHaveSingleItem().DossierCode.ShouldBe(OldRows.DossierCode);
    }

    /// <summary>A host started on a database prepared as the release before the move left it.</summary>
    private sealed class UpgradedFactory(TestProvider provider) : OneStopFactory(provider)
    {
        protected override async Task PrepareDatabaseAsync(TestDatabase database)
        {
            if (Provider == TestProvider.PostgreSql)
            {
                var options = Options(o => o.UseNpgsql(database.ConnectionString, npgsql => npgsql
                    .MigrationsHistoryTable("__EFMigrationsHistory", "counters").MigrationsAssembly("OneStop.Counters")));
                await using (var counters = (DbContext)Activator.CreateInstance(CountersContext, options, new SystemScope())!)
                {
                    await counters.GetService<IMigrator>().MigrateAsync(CountersBeforeTheMove);
                }

                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync();
                await OldRows.InsertAsync(connection, "counters.", v => v);
                return;
            }

            // The old counters.db: Counters' tables as today plus the queue's, as the model created them before the move.
            var file = Path.Combine(database.DataDirectory, "counters.db");
            var sqlite = Options(o => o.UseSqlite($"Data Source={file};Pooling=false"));
            await using (var counters = (DbContext)Activator.CreateInstance(CountersContext, sqlite, new SystemScope())!)
            {
                await counters.Database.EnsureCreatedAsync();
            }

            var queueOptions = new DbContextOptionsBuilder<QueueDbContext>().UseSqlite($"Data Source={file};Pooling=false").Options;
            await using (var queue = new QueueDbContext(queueOptions, new SystemScope()))
            {
                foreach (var statement in queue.Database.GenerateCreateScript().Split(";", StringSplitOptions.TrimEntries)
                             .Where(s => s.Contains("\"Queue", StringComparison.Ordinal) && s.StartsWith("CREATE", StringComparison.Ordinal)))
                {
                    await queue.Database.ExecuteSqlRawAsync(statement);
                }
            }

            await using var old = new SqliteConnection($"Data Source={file};Pooling=false");
            await old.OpenAsync();
            var time = new DateTimeOffsetToBinaryConverter();
            await OldRows.InsertAsync(old, "", v => v switch
            {
                Guid g => g.ToString().ToUpperInvariant(),
                DateTimeOffset d => time.ConvertToProvider(d),
                DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                bool b => b ? 1 : 0,
                _ => v,
            });
        }

        private DbContextOptions Options(Action<DbContextOptionsBuilder> configure)
        {
            var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(CountersContext))!;
            configure(builder);
            return builder.Options;
        }
    }

    /// <summary>Rows as the release before the move wrote them.</summary>
    private static class OldRows
    {
        public const string DossierCode = "MCCU-250102-0001";
        public static readonly Guid TicketId = Guid.NewGuid();
        public static readonly DateTimeOffset IssuedAt = new(2025, 1, 2, 1, 0, 0, TimeSpan.Zero);
        private static readonly Guid Unit = Guid.NewGuid();
        private const string UnitPath = "/30/288/10507/";

        public static async Task InsertAsync(DbConnection connection, string schema, Func<object, object?> value)
        {
            var desk = Guid.NewGuid();
            var counter = Guid.NewGuid();
            var stamp = new Dictionary<string, object> { ["UnitId"] = Unit, ["UnitPath"] = UnitPath, ["IsDeleted"] = false, ["CreatedAt"] = IssuedAt, ["CreatedBy"] = "test" };
            await InsertAsync(connection, schema + "\"QueueDesks\"", value, stamp, new()
            {
                ["Id"] = desk, ["Code"] = "MCCU", ["Name"] = "Bộ phận Một cửa cũ", ["PriorityHeadStartMinutes"] = 15, ["SlotMinutes"] = 30, ["SlotCapacity"] = 2,
            });
            await InsertAsync(connection, schema + "\"QueueCounters\"", value, stamp, new()
            {
                ["Id"] = counter, ["DeskId"] = desk, ["Number"] = 1, ["Name"] = "Quầy 1", ["FieldsText"] = "Hộ tịch",
            });
            await InsertAsync(connection, schema + "\"QueueTickets\"", value, stamp, new()
            {
                ["Id"] = TicketId, ["DeskId"] = desk, ["ServiceDate"] = new DateOnly(2025, 1, 2), ["Number"] = 1, ["Field"] = "Hộ tịch", ["Source"] = "KIOSK",
                ["Status"] = "DONE", ["QueueKey"] = IssuedAt, ["IssuedAt"] = IssuedAt, ["CalledAt"] = IssuedAt.AddMinutes(10),
                ["LastCalledAt"] = IssuedAt.AddMinutes(10), ["EndedAt"] = IssuedAt.AddMinutes(20), ["CounterId"] = counter, ["CallCount"] = 1,
                ["WaitSeconds"] = 600, ["ServiceSeconds"] = 600,
            });
            await InsertAsync(connection, schema + "\"QueueTicketDossiers\"", value, stamp, new()
            {
                ["Id"] = Guid.NewGuid(), ["TicketId"] = TicketId, ["DossierCode"] = DossierCode, ["LinkedAt"] = IssuedAt.AddMinutes(15),
            });
        }

        private static async Task InsertAsync(DbConnection connection, string table, Func<object, object?> value,
            Dictionary<string, object> stamp, Dictionary<string, object> row)
        {
            var columns = row.Concat(stamp.Where(s => !row.ContainsKey(s.Key))).ToList();
            await using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c.Key}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
            for (var i = 0; i < columns.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i;
                parameter.Value = value(columns[i].Value) ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Migrations and seeding act for no one in particular.</summary>
    private sealed class SystemScope : ICurrentScope
    {
        public UnitScope Unit => UnitScope.Unrestricted;
        public Guid? ActorId => null;
        public string ActorName => "test";
        public IDisposable Change(UnitScope unit, Guid? actorId = null, string? actorName = null) => new Nothing();

        private sealed class Nothing : IDisposable
        {
            public void Dispose() { }
        }
    }

    /// <summary>Disposes the factory and drops its database however the test ends.</summary>
    private sealed class Lifetime(OneStopFactory fx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await ((IAsyncLifetime)fx).DisposeAsync();
    }
}
