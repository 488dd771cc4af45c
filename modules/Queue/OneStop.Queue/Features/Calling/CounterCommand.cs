using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Queue.Domain;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.Localization;
using OneStop.Platform.People;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Queue.Features.Calling;

internal static class CounterActions
{
    public const string SignIn = "sign-in";       // ngồi vào quầy
    public const string SignOut = "sign-out";     // rời quầy
    public const string CallNext = "call-next";   // gọi số tiếp theo
    public const string Recall = "recall";        // gọi lại
    public const string Start = "start";          // bắt đầu phục vụ
    public const string End = "end";              // kết thúc phục vụ
    public const string NoShow = "no-show";       // vắng mặt
    public const string Transfer = "transfer";    // chuyển quầy

    public static readonly string[] All = [SignIn, SignOut, CallNext, Recall, Start, End, NoShow, Transfer];
}

internal sealed record CounterCommand(string Action, Guid? ToCounterId = null);

internal sealed class CounterCommandValidator : AbstractValidator<CounterCommand>
{
    public CounterCommandValidator()
    {
        RuleFor(c => c.Action).Must(action => CounterActions.All.Contains(action))
            .WithErrorCode(QueueMessages.CountersActionInvalid).WithMessage(_ => Messages.Text(QueueMessages.CountersActionInvalid, string.Join(", ", CounterActions.All)));
        RuleFor(c => c.ToCounterId).NotNull().When(c => c.Action == CounterActions.Transfer).WithErrorCode(QueueMessages.CountersTransferTargetRequired);
    }
}

/// <summary>A counter and the ticket it is dealing with, after a command.</summary>
internal sealed record CounterStateDto(Guid CounterId, int Number, string Name, string? OfficerName, TicketDto? Current, int Waiting);

/// <summary>
/// The officer's commands at a counter. Only the officer signed in to the counter may call and serve there. Every
/// change writes a row to the queue's event log and wakes the desk's board.
/// </summary>
internal sealed class CounterCommandHandler(QueueDbContext db, TimeProvider clock, ICurrentScope scope, BoardSignals signals, IPeopleDirectory people)
{
    public async Task<CounterStateDto> HandleAsync(Guid counterId, CounterCommand command, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunAsync(counterId, command, ct);
            }
            catch (DbUpdateConcurrencyException) when (command.Action == CounterActions.CallNext && attempt < 5)
            {
                // Another counter took the same ticket a moment earlier: take the next one.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<CounterStateDto> RunAsync(Guid counterId, CounterCommand command, CancellationToken ct)
    {
        var counter = await db.QueueCounters.FirstOrDefaultAsync(c => c.Id == counterId, ct)
            ?? throw new PlatformException(QueueErrorCodes.CounterNotFound, 404);
        var officer = scope.ActorId ?? throw new PlatformException(QueueErrorCodes.CounterTaken, 403) { MessageCode = QueueMessages.CountersSignedInOnly };
        var now = clock.GetUtcNow();
        // The change and its event-log row commit together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (command.Action == CounterActions.SignIn)
        {
            await SignInAsync(counter, officer, ct);
        }
        else
        {
            if (counter.OfficerId != officer)
            {
                throw new PlatformException(QueueErrorCodes.CounterTaken, 409, counter.Name) { MessageCode = QueueMessages.CountersNotSeated };
            }

            var current = counter.CurrentTicketId is { } id ? await db.QueueTickets.FirstOrDefaultAsync(t => t.Id == id, ct) : null;
            switch (command.Action)
            {
                case CounterActions.SignOut:
                    Require(current is null, QueueMessages.CountersEndBeforeSignOut);
                    counter.SignOut();
                    break;
                case CounterActions.CallNext:
                    Require(current is null, QueueMessages.CountersTicketStillOpen, current?.DisplayNumber);
                    var next = await NextAsync(counter, now, ct)
                        ?? throw new PlatformException(QueueErrorCodes.Empty, 409);
                    next.Call(counter.Id, now);
                    counter.CurrentTicketId = next.Id;
                    Log(next, QueueEventKinds.Called, now, counter.Id);
                    break;
                case CounterActions.Recall:
                    Current(current).Recall(now);
                    Log(current!, QueueEventKinds.Recalled, now, counter.Id);
                    break;
                case CounterActions.Start:
                    Current(current).StartService(now);
                    Log(current!, QueueEventKinds.Started, now, counter.Id);
                    break;
                case CounterActions.End:
                    Current(current).End(now);
                    counter.CurrentTicketId = null;
                    Log(current!, QueueEventKinds.Ended, now, counter.Id);
                    break;
                case CounterActions.NoShow:
                    Current(current).MarkNoShow(now);
                    counter.CurrentTicketId = null;
                    Log(current!, QueueEventKinds.NoShow, now, counter.Id);
                    break;
                case CounterActions.Transfer:
                    var target = await db.QueueCounters.FirstOrDefaultAsync(c => c.Id == command.ToCounterId && c.DeskId == counter.DeskId && c.Id != counter.Id, ct)
                        ?? throw new PlatformException(QueueErrorCodes.CounterNotFound, 404) { MessageCode = QueueMessages.CountersTransferTargetInvalid };
                    Current(current).TransferTo(target.Id);
                    counter.CurrentTicketId = null;
                    Log(current!, QueueEventKinds.Transferred, now, target.Id);
                    break;
            }

        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signals.Pulse(counter.DeskId);
        return await StateAsync(counter, ct);
    }

    private async Task SignInAsync(QueueCounter counter, Guid officer, CancellationToken ct)
    {
        if (counter.OfficerId is { } other && other != officer)
        {
            throw new PlatformException(QueueErrorCodes.CounterTaken, 409, counter.Name, counter.OfficerName) { MessageCode = QueueMessages.CountersOccupied };
        }

        // One counter per officer: moving to another counter leaves the previous one (if nothing is open there).
        foreach (var previous in await db.QueueCounters.Where(c => c.OfficerId == officer && c.Id != counter.Id).ToListAsync(ct))
        {
            if (previous.CurrentTicketId is not null)
            {
                throw new PlatformException(QueueErrorCodes.CounterTaken, 409, previous.Name) { MessageCode = QueueMessages.CountersServingElsewhere };
            }

            previous.SignOut();
        }

        // The counter shows who sits there by name (OfficerId identifies them); events keep the login.
        counter.SignIn(officer, await people.FullNameAsync(scope.ActorName, ct));
    }

    private Task<QueueTicket?> NextAsync(QueueCounter counter, DateTimeOffset now, CancellationToken ct) =>
        QueueQueries.WaitingFor(db, counter, QueueTime.DayOf(now)).FirstOrDefaultAsync(ct);

    public async Task<CounterStateDto> StateAsync(QueueCounter counter, CancellationToken ct)
    {
        var current = counter.CurrentTicketId is { } id ? await db.QueueTickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) : null;
        var waiting = await QueueQueries.WaitingFor(db, counter, QueueTime.DayOf(clock.GetUtcNow())).CountAsync(ct);
        return new CounterStateDto(counter.Id, counter.Number, counter.Name, counter.OfficerName, current is null ? null : TicketDto.From(current), waiting);
    }

    private void Log(QueueTicket ticket, string kind, DateTimeOffset at, Guid? counterId) =>
        db.QueueEvents.Add(new QueueEvent(ticket, kind, at, counterId, scope.ActorName));

    private static QueueTicket Current(QueueTicket? current) =>
        current ?? throw new PlatformException(QueueErrorCodes.InvalidState, 409) { MessageCode = QueueMessages.CountersNothingCalled };

    private static void Require(bool condition, string messageCode, params object?[] arguments)
    {
        if (!condition)
        {
            throw new PlatformException(QueueErrorCodes.InvalidState, 409, arguments) { MessageCode = messageCode };
        }
    }
}

internal static class CounterEndpoints
{
    public static void Map(IEndpointRouteBuilder queue)
    {
        queue.MapGet("/counters/{id:guid}", Get).RequirePermission(QueuePermissions.Serve)
            .WithSummary("Trạng thái một quầy: cán bộ, phiếu đang phục vụ, số người chờ");
        queue.MapPost("/counters/{id:guid}/commands", Command).RequirePermission(QueuePermissions.Serve)
            .Validate<CounterCommand>()
            .WithSummary("Thao tác tại quầy: sign-in, sign-out, call-next, recall, start, end, no-show, transfer");
    }

    private static async Task<Results<Ok<CounterStateDto>, ProblemHttpResult>> Get(QueueDbContext db, CounterCommandHandler handler, Guid id, CancellationToken ct) =>
        await db.QueueCounters.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } counter
            ? TypedResults.Ok(await handler.StateAsync(counter, ct))
            : QueueProblems.NotFound(QueueErrorCodes.CounterNotFound);

    private static async Task<Ok<CounterStateDto>> Command(CounterCommandHandler handler, Guid id, CounterCommand command, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(id, command, ct));
}
