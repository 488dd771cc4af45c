using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Contracts;
using OneStop.Counters.Features.Dossiers.WorkQueues;
using OneStop.Platform.Permissions;

namespace OneStop.Counters.Pages.Work;

/// <summary>
/// Việc cần làm: each person's home queues — to receive, to assign, to process, at my agency, to approve, to return —
/// with overdue and due-soon counts, so nobody has to search for the dossier that waits for them.
/// </summary>
[Permission(CountersPermissions.DossiersRead)]
internal sealed class IndexModel(WorkQueueQueries queries) : PageModel
{
    public IReadOnlyList<WorkQueue> Queues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Queues = await queries.QueuesAsync(User, withItems: true, ct);
}
