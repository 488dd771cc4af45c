using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Queue.Domain;
using OneStop.Queue.Features;
using OneStop.Queue.Features.Calling;
using OneStop.Queue.Features.Visits;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Queue.Pages;

/// <summary>Màn hình quầy: the officer sits at a counter, calls the next number, serves, transfers and links dossiers.</summary>
[Permission(QueuePermissions.Serve)]
internal sealed class ConsoleModel(QueueDbContext db, ICurrentScope scope, CounterCommandHandler commands, LinkDossierHandler links, QueueVisitReader visits, TimeProvider clock)
    : PageModel
{
    public IReadOnlyList<QueueDesk> Desks { get; private set; } = [];
    public QueueCounter? Counter { get; private set; }
    public CounterStateDto? State { get; private set; }
    public QueueVisitInfo? CurrentVisit { get; private set; }
    public IReadOnlyList<QueueTicket> Waiting { get; private set; } = [];
    public IReadOnlyList<QueueVisitInfo> Served { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    [TempData] public string? Error { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Desks = await db.QueueDesks.AsNoTracking().Include(d => d.Counters).OrderBy(d => d.Code).ToListAsync(ct);
        Counter = Desks.SelectMany(d => d.Counters).FirstOrDefault(c => c.OfficerId == scope.ActorId && scope.ActorId != null);
        if (Counter is null)
        {
            return;
        }

        State = await commands.StateAsync(Counter, ct);
        CurrentVisit = State.Current is { } current ? await visits.FindAsync(current.Id, ct) : null;
        var day = QueueTime.DayOf(clock.GetUtcNow());
        var counterId = Counter.Id;
        Waiting = await QueueQueries.WaitingFor(db, Counter, day).AsNoTracking().Take(50).ToListAsync(ct);
        var servedIds = await db.QueueTickets.AsNoTracking()
            .Where(t => t.CounterId == counterId && t.ServiceDate == day && (t.Status == QueueTicketStatuses.Done || t.Status == QueueTicketStatuses.NoShow))
            .OrderByDescending(t => t.EndedAt).Take(20).Select(t => t.Id).ToListAsync(ct);
        var served = new List<QueueVisitInfo>();
        foreach (var id in servedIds)
        {
            served.Add((await visits.FindAsync(id, ct))!);
        }

        Served = served;
    }

    public Task<IActionResult> OnPostCommandAsync(Guid counterId, string action, Guid? toCounterId, CancellationToken ct) =>
        RunAsync(async () =>
        {
            var state = await commands.HandleAsync(counterId, new CounterCommand(action, toCounterId), ct);
            Message = action == CounterActions.CallNext && state.Current is { } t ? $"{t.Number}" : null;
        });

    public Task<IActionResult> OnPostLinkAsync(Guid ticketId, string? dossierCode, CancellationToken ct) =>
        RunAsync(async () =>
        {
            var request = new LinkDossierRequest(dossierCode ?? "");
            Validation.ThrowIfInvalid(HttpContext.RequestServices, request);

            await links.HandleAsync(ticketId, request, ct);
        });

    private async Task<IActionResult> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (PlatformException e)
        {
            Error = e.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? e.Message;
        }

        return RedirectToPage();
    }
}
