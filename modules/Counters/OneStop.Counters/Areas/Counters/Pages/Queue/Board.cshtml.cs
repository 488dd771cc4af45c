using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Counters.Features.Queue;
using OneStop.Counters.Features.Queue.Board;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Scoping;

namespace OneStop.Counters.Pages.Queue;

/// <summary>
/// Bảng hiển thị số thứ tự (public, the waiting-room screen): numbers called and their counters, live through
/// server-sent events (<c>?handler=Events</c>), with an optional chime. Shows only the desk's own numbers.
/// </summary>
[AllowAnonymous]
internal sealed class BoardModel(CountersDbContext db, ICurrentScope scope, BoardReader reader) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";

    public BoardState Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await QueueDesks.EnterPublicAsync(db, scope, Code, "board", ct) is not { } entered)
        {
            return NotFound();
        }

        using (entered.Scope)
        {
            Board = (await reader.ReadAsync(entered.Desk.Id, ct))!;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetEventsAsync(CancellationToken ct)
    {
        if (await QueueDesks.EnterPublicAsync(db, scope, Code, "board", ct) is not { } entered)
        {
            return NotFound();
        }

        using (entered.Scope)
        {
            await reader.StreamAsync(Response, entered.Desk.Id, ct);
        }

        return new EmptyResult();
    }
}
