using Microsoft.EntityFrameworkCore;

namespace OneStop.Platform.Persistence;

/// <summary>
/// Gap-free running numbers (số thứ tự): one upsert on a counter row keyed by the counter entity's primary key, which
/// returns the new value. Taken inside the caller's transaction, so a rolled-back write gives its number back and two
/// concurrent writers get consecutive numbers (the row lock orders them). The counter entity has a composite primary
/// key and an <c>int Last</c>; both providers run the same SQL (<c>ON CONFLICT … RETURNING</c>).
/// </summary>
public static class RunningNumbers
{
    /// <param name="key">The key values, in the order of the counter's primary key.</param>
    public static async Task<int> NextAsync<TCounter>(DbContext db, object[] key, CancellationToken ct)
    {
        // Names from the model, values as parameters.
        var sql = Upsert<TCounter>(db, 0, key.Length) + " AS \"Value\"";
        return (await db.Database.SqlQueryRaw<int>(sql, key).ToListAsync(ct)).Single();
    }

    /// <summary>
    /// Two numbers at once, in one round trip on PostgreSQL (two upserts in one statement): the rows stay locked until
    /// the caller commits, so every round trip saved is time other writers of the same counters do not wait.
    /// </summary>
    public static async Task<(int First, int Second)> NextPairAsync<TFirst, TSecond>(DbContext db, object[] firstKey, object[] secondKey, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            // SQLite has no data-modifying WITH; its writers are serialised anyway.
            return (await NextAsync<TFirst>(db, firstKey, ct), await NextAsync<TSecond>(db, secondKey, ct));
        }

        var sql = $"""
            WITH a AS ({Upsert<TFirst>(db, 0, firstKey.Length)}), b AS ({Upsert<TSecond>(db, firstKey.Length, secondKey.Length)})
            SELECT a."Last" AS "First", b."Last" AS "Second" FROM a, b
            """;
        var pair = (await db.Database.SqlQueryRaw<RunningNumberPair>(sql, [.. firstKey, .. secondKey]).ToListAsync(ct)).Single();
        return (pair.First, pair.Second);
    }

    /// <summary>The upsert of one counter, its key values as parameters <paramref name="offset"/> onwards, returning "Last".</summary>
    private static string Upsert<TCounter>(DbContext db, int offset, int count)
    {
        var table = SqlTableName.Of<TCounter>(db); // refuses a counter that is not in the model
        var entity = db.Model.FindEntityType(typeof(TCounter))!;
        var columns = string.Join(", ", entity.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName()}\""));
        var values = string.Join(", ", Enumerable.Range(offset, count).Select(i => $"{{{i}}}"));
        return $"""
            INSERT INTO {table} ({columns}, "Last") VALUES ({values}, 1)
            ON CONFLICT ({columns}) DO UPDATE SET "Last" = {table}."Last" + 1
            RETURNING "Last"
            """;
    }
}

/// <summary>What <see cref="RunningNumbers.NextPairAsync{TFirst,TSecond}"/> reads back.</summary>
internal sealed record RunningNumberPair(int First, int Second);
