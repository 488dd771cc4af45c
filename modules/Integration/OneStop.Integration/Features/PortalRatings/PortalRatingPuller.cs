using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Integration.Connectors;
using OneStop.Integration.Contracts;
using OneStop.Integration.Infrastructure;
using OneStop.Platform.Domain;
using OneStop.Platform.Jobs;
using OneStop.Platform.Messaging;
using OneStop.Platform.Scoping;

namespace OneStop.Integration.Features.PortalRatings;

/// <summary>One rating taken from the portal: the unique portal id makes the pull idempotent.</summary>
internal sealed class IncomingRating : Entity
{
    public string PortalRatingId { get; set; } = "";
    public long Sequence { get; set; }
    public string DossierCode { get; set; } = "";
    public DateTimeOffset PulledAt { get; set; }
}

/// <summary>The portal's ratings feed (ADR 0051): ordered by sequence, paged after a sequence.</summary>
internal sealed record PortalRating(long Sequence, string Id, string DossierCode, string CitizenIdentity, int[] Scores, string Overall, string? Comment, DateTimeOffset RatedAt);

/// <summary>
/// Pulls the ratings citizens gave on the National Public Service Portal after the last sequence taken, records each
/// portal id once and publishes <see cref="PortalRatingGiven"/> in the same transaction (outbox): a crash between the
/// two loses nothing, a second pull duplicates nothing.
/// </summary>
internal sealed class PortalRatingPuller(IServiceScopeFactory scopes, IHttpClientFactory http, ConnectorAddresses addresses, ILogger<PortalRatingPuller> logger)
{
    public async Task<int> PullAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "cong-dvc-quoc-gia");
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var after = await db.IncomingRatings.MaxAsync(r => (long?)r.Sequence, ct) ?? 0;
        PortalRating[]? batch;
        try
        {
            batch = await http.CreateClient(NationalSystem.Portal.HttpClientName)
                .GetFromJsonAsync<PortalRating[]>(addresses.For(NationalSystem.Portal, $"ratings?after={after}&limit=100"), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Portal ratings unavailable; next round continues after sequence {After}", after);
            return 0;
        }

        var taken = 0;
        foreach (var r in batch ?? [])
        {
            if (await db.IncomingRatings.AnyAsync(x => x.PortalRatingId == r.Id, ct))
            {
                continue;
            }

            db.IncomingRatings.Add(new IncomingRating { PortalRatingId = r.Id, Sequence = r.Sequence, DossierCode = r.DossierCode, PulledAt = DateTimeOffset.UtcNow });
            db.Publish(new PortalRatingGiven(r.Id, r.DossierCode, r.CitizenIdentity, r.Scores ?? [], r.Overall, r.Comment, r.RatedAt));
            await db.SaveChangesAsync(ct);
            taken++;
        }

        return taken;
    }
}

/// <summary>Pulls the portal's ratings every minute (Integration:PortalRatings:Enabled, :IntervalMilliseconds).</summary>
internal sealed class PortalRatingService(PortalRatingPuller puller, IConfiguration configuration, ILogger<PortalRatingService> logger)
    : PollingBackgroundService(configuration, logger, "Integration:PortalRatings:IntervalMilliseconds", 60_000)
{
    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => puller.PullAsync(cancellationToken);
}
