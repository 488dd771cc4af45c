using Hangfire;
using OneStop.Platform;
using OneStop.Platform.Messaging;

namespace OneStop.Counters.Features.Search;

/// <summary>
/// A reorganisation moved the unit paths of whole archives (ADR 0015); the search index carries those paths for its
/// scope filter, so it is rebuilt beside the live one (searches never stop) and old codes are found by the successor.
/// </summary>
internal sealed class ReindexAfterReorganisation(IBackgroundJobClient jobs) : IIntegrationEventHandler<UnitsReorganised>
{
    public Task HandleAsync(UnitsReorganised @event, CancellationToken cancellationToken)
    {
        DossierSearchEndpoints.EnqueueReindex(jobs);
        return Task.CompletedTask;
    }
}
