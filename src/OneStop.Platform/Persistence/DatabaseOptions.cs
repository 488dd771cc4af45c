namespace OneStop.Platform.Persistence;

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default, one file per module under <see cref="DataDirectory"/>) or <c>PostgreSql</c>.</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>PostgreSQL connection string (one database; each module has its own schema).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for SQLite files and other embedded data, relative to the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>
    /// EF Core's detection of a context used by two threads at once (an exception instead of undefined behaviour). It
    /// costs two async-local writes per row read, so it is off unless set; the tests switch it on (ADR 0061).
    /// </summary>
    public bool ThreadSafetyChecks { get; set; }

    public bool IsPostgreSql => string.Equals(Provider, DatabaseProviders.PostgreSql, StringComparison.OrdinalIgnoreCase);
}

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
}
