using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Queue.Features;
using OneStop.Queue.Features.Board;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;

namespace OneStop.Queue.Pages;

/// <summary>
/// Bảng hiển thị số thứ tự (public, the waiting-room screen): numbers called and their counters, live through
/// server-sent events (<c>?handler=Events</c>), with an optional chime. Shows only the desk's own numbers.
/// </summary>
[AllowAnonymous]
internal sealed class BoardModel(QueueDbContext db, ICurrentScope scope, BoardReader reader, IPermissionChecker permissions) : PublicDeskPageModel(permissions)
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";

    public BoardState Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await QueueDesks.FindPublicAsync(db, Code, ct) is not { } found)
        {
            return await NoDeskAsync();
        }

        using (scope.Change(QueueDesks.ScopeOf(found), null, "board"))
        {
            Board = (await reader.ReadAsync(found.Id, ct))!;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetEventsAsync(CancellationToken ct)
    {
        if (await QueueDesks.FindPublicAsync(db, Code, ct) is not { } found)
        {
            return NotFound();
        }

        using (scope.Change(QueueDesks.ScopeOf(found), null, "board"))
        {
            await reader.StreamAsync(Response, found.Id, ct);
        }

        return new EmptyResult();
    }
}
