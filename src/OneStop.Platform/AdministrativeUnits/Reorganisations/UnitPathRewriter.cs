using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Auditing;
using OneStop.Platform.Domain;
using OneStop.Platform.Messaging;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// Moves the data of a retired unit under its successor: every unit-scoped table of every module whose unit path (or
/// shared path) starts with the old prefix gets the new one. Set-based SQL per table, so a commune with a hundred
/// thousand rows moves in one statement. The audit chain and the outbox keep the paths they were written with.
/// </summary>
internal static class UnitPathRewriter
{
    public static async Task<int> RewriteAsync(DbContext context, string oldPrefix, string newPrefix, CancellationToken ct)
    {
        var moved = 0;
        var schema = context.Model.GetDefaultSchema();
        foreach (var entityType in context.Model.GetEntityTypes().Where(t => t.BaseType is null && !t.IsOwned()))
        {
            var clr = entityType.ClrType;
            if (!typeof(IUnitScoped).IsAssignableFrom(clr) || clr == typeof(AuditRecord) || clr == typeof(OutboxMessage)
                || entityType.GetTableName() is not { } table)
            {
                continue;
            }

            var name = context.Database.IsNpgsql() ? $"\"{entityType.GetSchema() ?? schema}\".\"{table}\"" : $"\"{table}\"";
            foreach (var column in new[] { nameof(IUnitScoped.UnitPath), nameof(ISharedWithUnit.SharedUnitPath) })
            {
                if (entityType.FindProperty(column) is not { } property)
                {
                    continue;
                }

                var c = property.GetColumnName();
                // Paths are digits, letters, '-', '.' and '/': no LIKE wildcard can occur in them.
#pragma warning disable EF1002 // table and column names come from the model, values are parameters
                moved += await context.Database.ExecuteSqlRawAsync(
                    $"UPDATE {name} SET \"{c}\" = {{0}} || substr(\"{c}\", {{1}}) WHERE \"{c}\" LIKE {{2}}",
                    [newPrefix, oldPrefix.Length + 1, oldPrefix + "%"], ct);
#pragma warning restore EF1002
            }
        }

        return moved;
    }
}
