using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Counters.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Satisfaction;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.Domain;
using OneStop.Platform.Modules;

namespace OneStop.Evaluation.Features.Demo;

/// <summary>
/// Satisfaction ratings of the demo dataset (ADR 0019): about two in five returned dossiers are rated, at the kiosk
/// for results handed over at the desk and online (as the portal would send them) for electronic ones, a little after the return, through
/// <see cref="RateHandler"/> (so the hash chain is the real one, in time order). Most citizens are satisfied.
/// </summary>
internal sealed class DemoRatings(IServiceScopeFactory scopes, ILogger<DemoRatings> logger) : IDemoDataContributor
{
    private const int Page = 500;

    public int Order => 200;

    public async Task GenerateAsync(DemoDataRun run, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var rng = run.RandomFor("Evaluation.Ratings");
        var returned = await ReturnedDossiersAsync(ct);
        var chosen = returned.Where(_ => rng.NextDouble() < 0.4).OrderBy(d => d.ReturnedAt).ToList();
        await ProjectAsync(chosen, ct);

        var rated = 0;
        foreach (var dossier in chosen)
        {
            using var scope = scopes.CreateScope();
            var handler = scope.ServiceProvider.GetRequiredService<RateHandler>();
            var roll = rng.NextDouble();
            var overall = roll < 0.55 ? OverallRatings.VerySatisfied : roll < 0.94 ? OverallRatings.Satisfied : OverallRatings.Dissatisfied;
            var scores = Enumerable.Range(0, Rating.CriteriaCount)
                .Select(_ => overall == OverallRatings.Dissatisfied ? rng.Next(0, 2) : rng.NextDouble() < 0.85 ? 2 : 1).ToArray();
            var channel = dossier.ReturnMethod == ReturnMethods.Electronic ? RatingChannels.Online : RatingChannels.Kiosk;
            var comment = overall == OverallRatings.Dissatisfied ? "Thời gian chờ lâu, đề nghị bố trí thêm cán bộ tiếp nhận." : null;
            using (AsOfClock.At(dossier.ReturnedAt!.Value.AddMinutes(5 + rng.Next(600))))
            {
                // The kiosk's path (no signed-in user, written for the desk that received the dossier), or the portal's
                // for an online rating: the channel is where the applicant gave it (ADR 0031).
                await handler.RateAsync(new RateRequest(dossier.Code, channel, scores, overall, comment),
                    channel == RatingChannels.Online ? RatingSource.Portal : RatingSource.Kiosk, ct);
            }

            rated++;
        }

        logger.LogInformation("Dữ liệu mẫu / demo data: {Rated} phiếu đánh giá trong {Seconds:F1} s", rated, watch.Elapsed.TotalSeconds);
    }

    private async Task<List<DossierSnapshot>> ReturnedDossiersAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var counters = scope.ServiceProvider.GetService<ICountersApi>();
        var list = new List<DossierSnapshot>();
        if (counters is null)
        {
            return list;
        }

        Guid? after = null;
        while (true)
        {
            var page = await counters.ListDossiersAsync(after, Page, ct);
            list.AddRange(page.Where(d => d.Status == DossierStatuses.Returned && d.ReturnedAt is not null));
            if (page.Count < Page)
            {
                return list;
            }

            after = page[^1].Id;
        }
    }

    /// <summary>
    /// Evaluation knows dossiers from Counters' events; the relay delivers them only once the host runs, so the dossiers
    /// to rate go through the same projection handler now, in one transaction (the events delivered later end in the same state).
    /// </summary>
    private async Task ProjectAsync(List<DossierSnapshot> dossiers, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluationDbContext>();
        var projection = scope.ServiceProvider.GetRequiredService<RatedDossierProjection>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var d in dossiers)
        {
            await projection.HandleAsync(new DossierChanged(d, DossierTransitions.Returned, DossierStatuses.Resolved, null, "dulieumau") { UnitPath = d.ReceivingUnitPath }, ct);
        }

        await transaction.CommitAsync(ct);
    }
}
