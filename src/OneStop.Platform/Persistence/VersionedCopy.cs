using Microsoft.EntityFrameworkCore.Infrastructure;

namespace OneStop.Platform.Persistence;

/// <summary>
/// An instance's copy of a set of tables, kept under their <see cref="ChangeVersions"/> value (ADR 0060): the version is
/// asked first, then the copy is used while it was read under the same value, else read again and kept. Off PostgreSQL
/// (no version kept) the tables are read on every call. The copy is shared between requests: read-only.
/// </summary>
public sealed class VersionedCopy<T>(string schema, string name) where T : class
{
    private volatile Entry? _last;

    public async Task<T> GetAsync(DatabaseFacade database, Func<CancellationToken, Task<T>> read, CancellationToken ct)
    {
        // The version first, then the rows: rows read after it are at least as new, so a copy is never older than its
        // version says (a change committed in between only makes the next call read again).
        if (await ChangeVersions.ReadAsync(database, schema, name, ct) is not { } version)
        {
            return await read(ct);
        }

        if (_last is { } last && last.Version == version)
        {
            return last.Value;
        }

        var value = await read(ct);
        _last = new Entry(version, value);
        return value;
    }

    private sealed record Entry(Guid Version, T Value);
}
