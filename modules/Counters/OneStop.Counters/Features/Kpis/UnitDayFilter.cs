using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Domain;
using OneStop.Platform.Kpis;

namespace OneStop.Counters.Features.Kpis;

/// <summary>
/// The dossiers of given unit-days (ADR 0055), in PostgreSQL: for each pair of the array, one range of an index that starts
/// with the unit column and goes on with the time column (one unit's Vietnam day), so the cost follows the pairs' dossiers,
/// not the days' other units. The query is composed under the counts (no list of ids goes back and forth).
/// <para>
/// The range is a LATERAL subquery kept from flattening (<c>OFFSET 0</c>): as a plain join, PostgreSQL cannot tell how few
/// rows a pair's day holds and hashed the whole table (3.7 s against 1.4 s for 978 pairs at 1 M dossiers). An OR of a
/// condition per day, as an expression, made it test every condition on every row between the first and the last day.
/// </para>
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

    /// <summary>The dossiers whose time (by <paramref name="column"/>) falls on one of the days and whose unit is that day's.</summary>
    public IQueryable<Dossier> Of(CountersDbContext db, Column column)
    {
        var (time, unit) = column switch
        {
            Column.ReceivedAtDesk => ("ReceivedAt", "ReceivingUnitId"),
            Column.ReceivedByResolver => ("ReceivedAt", "ResolvingUnitId"),
            _ => ("ResolvedAt", "ResolvingUnitId"),
        };
        // The two column names come from the switch above, never from input.
#pragma warning disable EF1002
        return db.Dossiers.FromSqlRaw(
            $"""
            SELECT d.* FROM unnest(@units, @starts, @ends) AS c(unit, starts, ends)
            CROSS JOIN LATERAL (
              SELECT * FROM counters."Dossiers" x WHERE x."{unit}" = c.unit AND x."{time}" >= c.starts AND x."{time}" < c.ends
              OFFSET 0) d
            """,
            new NpgsqlParameter("units", _units), new NpgsqlParameter("starts", _starts), new NpgsqlParameter("ends", _ends));
#pragma warning restore EF1002
    }
}
