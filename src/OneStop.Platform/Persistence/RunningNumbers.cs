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
        var entity = db.Model.FindEntityType(typeof(TCounter)) ?? throw new InvalidOperationException($"{typeof(TCounter).Name} is not in the model.");
        var table = db.Database.IsNpgsql() ? $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        var columns = string.Join(", ", entity.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName()}\""));
        var values = string.Join(", ", key.Select((_, i) => $"{{{i}}}"));
        var sql = $$"""
            INSERT INTO {{table}} ({{columns}}, "Last") VALUES ({{values}}, 1)
            ON CONFLICT ({{columns}}) DO UPDATE SET "Last" = {{table}}."Last" + 1
            RETURNING "Last" AS "Value"
            """;
        return (await db.Database.SqlQueryRaw<int>(sql, key).ToListAsync(ct)).Single();
    }
}
