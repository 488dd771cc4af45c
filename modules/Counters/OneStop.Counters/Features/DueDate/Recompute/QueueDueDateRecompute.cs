using System.Globalization;
using Hangfire;
using OneStop.Platform;
using OneStop.Platform.Messaging;

namespace OneStop.Counters.Features.DueDate.Recompute;

/// <summary>
/// The kernel's calendar changed (a day off, a make-up Saturday, a unit's office hours): the recompute of open dossiers
/// is queued as a background job (Hangfire, shared by every instance) rather than run inside the event's delivery,
/// which must stay short for the events behind it.
/// </summary>
internal sealed class QueueDueDateRecompute(IBackgroundJobClient jobs) : IIntegrationEventHandler<WorkingCalendarChanged>
{
    public Task HandleAsync(WorkingCalendarChanged e, CancellationToken cancellationToken)
    {
        var from = e.From == DateOnly.MinValue ? null : e.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        jobs.Enqueue<DueDateRecompute>(r => r.RunAsync(from, e.UnitId, e.What, CancellationToken.None));
        return Task.CompletedTask;
    }
}
