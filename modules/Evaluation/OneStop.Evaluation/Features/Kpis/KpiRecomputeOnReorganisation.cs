using Hangfire;
using Microsoft.EntityFrameworkCore;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.AdministrativeUnits.Reorganisations;
using OneStop.Platform.Kpis;
using OneStop.Platform.Domain;

namespace OneStop.Evaluation.Features.Kpis;

/// <summary>
/// Evaluation's part in a reorganisation: nothing changes hands, but every stored year's "as is" view now maps onto
/// other units, so when a change set takes effect each year with snapshots (and the current one) is recomputed in the
/// background. Scheduled a little later, after the change set's transaction has committed and every host's unit cache
/// has expired (ADR 0016).
/// </summary>
internal sealed class KpiRecomputeOnReorganisation(EvaluationDbContext db, IBackgroundJobClient jobs, TimeProvider clock) : IUnitSuccessionParticipant
{
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(2);

    public Task<IReadOnlyList<SuccessionImpact>> PreviewAsync(IReadOnlyList<UnitTransfer> transfers, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SuccessionImpact>>([]);

    public async Task<int> ApplyAsync(IReadOnlyList<UnitTransfer> transfers, DateOnly effectiveOn, IReadOnlyDictionary<Guid, string> choices, CancellationToken ct)
    {
        if (transfers.Count == 0)
        {
            return 0;
        }

        var thisYear = VietnamTime.Of(clock.GetUtcNow()).Year;
        var first = await db.Snapshots.IgnoreQueryFilters().AsNoTracking().MinAsync(s => (DateOnly?)s.PeriodStart, ct);
        for (var year = Math.Min(first?.Year ?? thisYear, thisYear); year <= thisYear; year++)
        {
            var y = year;
            jobs.Schedule<KpiEngine>(e => e.RecomputeYearAsync(y, CancellationToken.None), Delay);
        }

        return 0; // nothing moved: the count is of items handed over
    }
}
