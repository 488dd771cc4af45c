using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.Permissions;

namespace OneStop.Queue.Features.Board;

internal sealed record BoardCall(string Number, int CounterNumber, string CounterName, string Status, DateTimeOffset CalledAt, int CallCount, bool Priority);

internal sealed record BoardCounter(int Number, string Name, bool Open, string? Serving);

/// <summary>
/// What the waiting-room screen shows: the latest calls (newest first; a recall moves a number back to the top), every
/// counter with the number it serves, and how many wait. <see cref="Version"/> changes with every issue, call or recall.
/// </summary>
internal sealed record BoardState(Guid DeskId, string DeskName, string Version, IReadOnlyList<BoardCall> Calls, IReadOnlyList<BoardCounter> Counters, int Waiting);

internal sealed class BoardReader(QueueDbContext db, TimeProvider clock, BoardSignals signals)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// How often a stream looks in the database for a call made on another instance. With a second, such a call reached
    /// the board after the second plus the read (etc/bench/TwoInstances: 90 of 100 calls over a second under load); a
    /// quarter of a second keeps it well inside (max 351 ms there), for one indexed top-1 query per open screen four
    /// times a second.
    /// </summary>
    public static readonly TimeSpan OtherInstancesCheck = TimeSpan.FromMilliseconds(250);

    /// <summary>The id of the desk's latest queue event (ids grow in creation order).</summary>
    public async Task<string> VersionAsync(Guid deskId, CancellationToken ct) =>
        (await db.QueueEvents.AsNoTracking().Where(e => e.DeskId == deskId).OrderByDescending(e => e.Id).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct))?.ToString("N") ?? "0";

    public async Task<BoardState?> ReadAsync(Guid deskId, CancellationToken ct)
    {
        var desk = await db.QueueDesks.AsNoTracking().Include(d => d.Counters).FirstOrDefaultAsync(d => d.Id == deskId, ct);
        if (desk is null)
        {
            return null;
        }

        var version = await VersionAsync(deskId, ct);
        var day = QueueTime.DayOf(clock.GetUtcNow());
        var open = await db.QueueTickets.AsNoTracking()
            .Where(t => t.DeskId == deskId && t.ServiceDate == day && (t.Status == QueueTicketStatuses.Called || t.Status == QueueTicketStatuses.Serving))
            .ToListAsync(ct);
        var waiting = await db.QueueTickets.CountAsync(t => t.DeskId == deskId && t.ServiceDate == day && t.Status == QueueTicketStatuses.Waiting, ct);
        var counters = desk.Counters.ToDictionary(c => c.Id);
        var calls = open.Where(t => t.CounterId is { } c && counters.ContainsKey(c))
            .OrderByDescending(t => t.LastCalledAt).Take(10)
            .Select(t => new BoardCall(t.DisplayNumber, counters[t.CounterId!.Value].Number, counters[t.CounterId!.Value].Name, t.Status, t.LastCalledAt!.Value, t.CallCount, t.IsPriority))
            .ToList();
        var serving = open.Where(t => t.CounterId is not null).GroupBy(t => t.CounterId!.Value).ToDictionary(g => g.Key, g => g.MaxBy(t => t.LastCalledAt)!.DisplayNumber);
        return new BoardState(desk.Id, desk.Name, version, calls,
            desk.Counters.OrderBy(c => c.Number).Select(c => new BoardCounter(c.Number, c.Name, c.OfficerId is not null, serving.GetValueOrDefault(c.Id))).ToList(),
            waiting);
    }

    /// <summary>
    /// Server-sent events: the board at once, then again whenever it changes — woken on this instance by the command
    /// that changed it, and checked in the database every <see cref="OtherInstancesCheck"/> for changes made on other
    /// instances; a comment line every 15 s keeps proxies from closing the stream.
    /// </summary>
    public async Task StreamAsync(HttpResponse response, Guid deskId, CancellationToken ct)
    {
        response.Headers.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        string? sent = null;
        var lastWrite = DateTime.UtcNow;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                // Taken before reading: a command that changes the board while this round reads or writes wakes the wait below.
                var seen = signals.Generation(deskId);
                var version = await VersionAsync(deskId, ct);
                if (version != sent && await ReadAsync(deskId, ct) is { } board)
                {
                    await response.WriteAsync($"id: {board.Version}\nevent: board\ndata: {JsonSerializer.Serialize(board, Json)}\n\n", ct);
                    await response.Body.FlushAsync(ct);
                    sent = board.Version;
                    lastWrite = DateTime.UtcNow;
                }
                else if (DateTime.UtcNow - lastWrite > TimeSpan.FromSeconds(15))
                {
                    await response.WriteAsync(": keep-alive\n\n", ct);
                    await response.Body.FlushAsync(ct);
                    lastWrite = DateTime.UtcNow;
                }

                await signals.WaitAsync(deskId, seen, OtherInstancesCheck, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The screen went away.
        }
    }
}

internal static class BoardEndpoints
{
    public static void Map(IEndpointRouteBuilder queue)
    {
        queue.MapGet("/desks/{id:guid}/board", Get).RequirePermission(QueuePermissions.Display)
            .WithSummary("Bảng hiển thị: các số vừa gọi, quầy, số người chờ (cho màn hình của bên thứ ba)");
        queue.MapGet("/desks/{id:guid}/board/events", Stream).RequirePermission(QueuePermissions.Display)
            .WithSummary("Bảng hiển thị trực tiếp (server-sent events, sự kiện \"board\" mỗi khi có thay đổi)");
    }

    private static async Task<Results<Ok<BoardState>, ProblemHttpResult>> Get(BoardReader reader, Guid id, CancellationToken ct) =>
        await reader.ReadAsync(id, ct) is { } board
            ? TypedResults.Ok(board)
            : QueueProblems.NotFound(QueueErrorCodes.DeskNotFound);

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Stream(BoardReader reader, QueueDbContext db, HttpContext http, Guid id, CancellationToken ct)
    {
        if (!await db.QueueDesks.AnyAsync(d => d.Id == id, ct))
        {
            return QueueProblems.NotFound(QueueErrorCodes.DeskNotFound);
        }

        await reader.StreamAsync(http.Response, id, ct);
        return TypedResults.Empty;
    }
}
