using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Domain;
using OneStop.Platform.Kpis;

namespace OneStop.Counters.Features.Kpis;

/// <summary>
/// The dossiers of given unit-days (ADR 0055), found in PostgreSQL by joining the pairs as an array to the dossiers: for
/// each pair, one range of the time column's index (one Vietnam day), filtered by the unit column. An OR of a condition
/// per day, as an expression, made PostgreSQL test every condition on every row of the range between the first and
/// the last day — the year's rows for changes spread over it.
/// </summary>
internal sealed class UnitDayFilter(IReadOnlyCollection<KpiUnitDay> unitDays)
{
    private readonly Guid[] _units = unitDays.Select(u => u.UnitId).ToArray();
    private readonly DateTimeOffset[] _starts = unitDays.Select(u => VietnamTime.StartOfDay(u.Day)).ToArray();
    private readonly DateTimeOffset[] _ends = unitDays.Select(u => VietnamTime.StartOfDay(u.Day.AddDays(1))).ToArray();

    /// <summary>Where the dossiers' times and units are read: reception by the receiving unit or the competent one, resolution by the competent one.</summary>
    public enum Column
    {
        ReceivedAtDesk,
        ReceivedByResolver,
        ResolvedByResolver,
    }

    /// <summary>The ids of the dossiers whose time (by <paramref name="column"/>) falls on one of the days and whose unit is that day's.</summary>
    public Task<List<Guid>> IdsAsync(CountersDbContext db, Column column, CancellationToken ct)
    {
        var (time, unit) = column switch
        {
            Column.ReceivedAtDesk => ("ReceivedAt", "ReceivingUnitId"),
            Column.ReceivedByResolver => ("ReceivedAt", "ResolvingUnitId"),
            _ => ("ResolvedAt", "ResolvingUnitId"),
        };
        // The two column names come from the switch above, never from input.
#pragma warning disable EF1002
        return db.Database.SqlQueryRaw<Guid>(
                $"""
                SELECT d."Id" AS "Value" FROM counters."Dossiers" d
                JOIN unnest(@units, @starts, @ends) AS c(unit, starts, ends)
                  ON d."{time}" >= c.starts AND d."{time}" < c.ends AND d."{unit}" = c.unit
                """,
                new NpgsqlParameter("units", _units), new NpgsqlParameter("starts", _starts), new NpgsqlParameter("ends", _ends))
            .ToListAsync(ct);
#pragma warning restore EF1002
    }
}
