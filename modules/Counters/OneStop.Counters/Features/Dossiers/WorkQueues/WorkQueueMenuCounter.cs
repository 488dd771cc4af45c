using System.Security.Claims;
using OneStop.Platform.Modules;

namespace OneStop.Counters.Features.Dossiers.WorkQueues;

/// <summary>The number beside "Việc cần làm" in the menu: every dossier waiting for the person across their queues.</summary>
internal sealed class WorkQueueMenuCounter(WorkQueueQueries queues) : IMenuCounter
{
    public const string Url = "/Counters/Work";

    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        new Dictionary<string, int> { [Url] = (await queues.QueuesAsync(user, withItems: false, ct)).Sum(q => q.Count) };
}
