using Microsoft.EntityFrameworkCore;

namespace OneStop.Platform.Persistence;

/// <summary>
/// An entity's table as hand-written SQL names it: schema-qualified on PostgreSQL, the bare name in a module's own SQLite
/// file (where the file stands in for the schema). Names come from the model, never from input.
/// </summary>
public static class SqlTableName
{
    public static string Of<TEntity>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        return db.Database.IsNpgsql() ? $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
    }
}
