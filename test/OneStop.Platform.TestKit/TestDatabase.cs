using Npgsql;

namespace OneStop.Platform.TestKit;

/// <summary>Which database a test host runs on.</summary>
public enum TestProvider
{
    PostgreSql,
    Sqlite,
}

/// <summary>
/// A throw-away database: on PostgreSQL a fresh database on the server the test command started
/// (<c>ONESTOP_TEST_POSTGRES</c>); on SQLite a fresh folder.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "ONESTOP_TEST_POSTGRES";

    private TestDatabase(TestProvider provider, string? connectionString, string dataDirectory, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        _name = name;
    }

    private readonly string? _name;

    public TestProvider Provider { get; }
    public string? ConnectionString { get; }
    public string DataDirectory { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{ServerVariable} is not set. Run the tests with the README's test command (etc/scripts/test.sh), which starts a throw-away PostgreSQL.");

    public static async Task<TestDatabase> CreateAsync(TestProvider provider)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("onestop-test-").FullName;
        if (provider == TestProvider.Sqlite)
        {
            return new TestDatabase(provider, null, dataDirectory, null);
        }

        var name = "onestop_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, MaxPoolSize = 40 };
        return new TestDatabase(provider, builder.ConnectionString, dataDirectory, name);
    }

    /// <summary>
    /// A PostgreSQL database kept between runs under <paramref name="name"/> (a benchmark's generated rows, to measure a
    /// change without generating them again): created when missing, never dropped. Whether it existed comes back too.
    /// </summary>
    public static async Task<(TestDatabase Database, bool Existed)> KeptAsync(string name)
    {
        bool existed;
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", connection);
            exists.Parameters.AddWithValue("name", name);
            existed = (bool)(await exists.ExecuteScalarAsync())!;
            if (!existed)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "", StringComparison.Ordinal)}\" ENCODING 'UTF8' TEMPLATE template0", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, MaxPoolSize = 40 };
        return (new TestDatabase(TestProvider.PostgreSql, builder.ConnectionString, Directory.CreateTempSubdirectory("onestop-test-").FullName, null), existed);
    }

    public async ValueTask DisposeAsync()
    {
        if (_name is not null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            await using var connection = new NpgsqlConnection(ServerConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Rows of a PostgreSQL query, read straight from the database (what the tests check beside the product's API).</summary>
    public async Task<List<T>> RowsAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString ?? throw new InvalidOperationException("A PostgreSQL test database is needed."));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
