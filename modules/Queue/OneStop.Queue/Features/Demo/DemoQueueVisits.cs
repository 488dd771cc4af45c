using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Queue.Features.Calling;
using OneStop.Queue.Features.Desks;
using OneStop.Queue.Features.Tickets;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Modules;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Queue.Features.Demo;

/// <summary>
/// Queue visits of the demo dataset (ADR 0019): the busiest wards of today get a queue desk, and over the last months
/// the citizens who filed at their counter took a ticket first — issued, called, served and ended through the queue's
/// own handlers with the clock at each step, the ticket naming the dossier so the visit leads to it.
/// </summary>
internal sealed class DemoQueueVisits(IServiceScopeFactory scopes, IAdministrativeUnitDirectory units, ILogger<DemoQueueVisits> logger) : IDemoDataContributor
{
    private const int Desks = 8;
    private const int Months = 4;

    public int Order => 150;

    public async Task GenerateAsync(DemoDataRun run, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var rng = run.RandomFor("Counters.Queue");
        var from = OneStop.Platform.Domain.VietnamTime.StartOf(run.To.AddMonths(-Months));
        List<(Guid UnitId, string Code, string Field, DateTimeOffset ReceivedAt)> direct;
        using (var scope = scopes.CreateScope())
        {
            // The dossiers are Counters': read through its contract, a page at a time.
            var counters = scope.ServiceProvider.GetService<ICountersApi>();
            direct = [];
            for (Guid? after = null; counters is not null;)
            {
                var page = await counters.ListDossiersAsync(after, 1000, ct);
                direct.AddRange(page.Where(d => d.Channel == DossierChannels.Direct && d.ReceivedAt >= from && d.ProcedureField.Length <= 200)
                    .Select(d => (d.ReceivingUnitId, d.Code, d.ProcedureField, d.ReceivedAt!.Value)));
                if (page.Count < 1000)
                {
                    break;
                }

                after = page[^1].Id;
            }
        }

        var visits = 0;
        foreach (var group in direct.GroupBy(d => d.UnitId).OrderByDescending(g => g.Count()).Take(Desks))
        {
            if (await units.FindAsync(group.Key, ct) is not { ValidTo: null } unit)
            {
                continue;
            }

            visits += await DeskAsync(unit, group.OrderBy(d => d.ReceivedAt).ToList(), from, rng, ct);
        }

        logger.LogInformation("Dữ liệu mẫu / demo data: {Visits} lượt xếp hàng trong {Seconds:F1} s", visits, watch.Elapsed.TotalSeconds);
    }

    private async Task<int> DeskAsync(OneStop.Platform.AdministrativeUnitInfo unit, List<(Guid UnitId, string Code, string Field, DateTimeOffset ReceivedAt)> dossiers,
        DateTimeOffset from, Random rng, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        // The officer at the counter: a demo person of the unit, identified by a stable id (the counter shows the name).
        var officerId = new Guid(unit.Id.ToByteArray().Reverse().ToArray());
        using var acting = sp.GetRequiredService<ICurrentScope>().Change(new UnitScope(unit.Id, unit.Path, unit.Name), officerId, "dulieumau");
        var fields = dossiers.Select(d => d.Field).Distinct().Append(QueueFields.ResultReturn).ToList();
        DeskDto desk;
        using (AsOfClock.At(from))
        {
            desk = await sp.GetRequiredService<DeskSetupHandler>().CreateAsync(
                new CreateDeskRequest("XH" + unit.Code, "Điểm xếp hàng " + unit.Name, null, null, null, [new CounterRequest("Quầy 1", fields)]), ct);
        }

        var counterId = desk.Counters[0].Id;
        var tickets = sp.GetRequiredService<IssueTicketHandler>();
        var counter = sp.GetRequiredService<CounterCommandHandler>();
        var db = sp.GetRequiredService<QueueDbContext>();
        var free = from;
        var done = 0;
        foreach (var (_, code, field, receivedAt) in dossiers)
        {
            // One counter serves one citizen at a time: a visit that would overlap the previous one is not made.
            var issued = receivedAt.AddMinutes(-(4 + rng.Next(25)));
            if (issued < free)
            {
                continue;
            }

            try
            {
                if (done == 0 || OneStop.Platform.Domain.VietnamTime.DayOf(free) != OneStop.Platform.Domain.VietnamTime.DayOf(issued))
                {
                    using (AsOfClock.At(issued.AddMinutes(-1)))
                    {
                        await SignInAsync(counter, counterId, ct);
                    }
                }

                var priority = rng.NextDouble() < 0.1 ? QueuePriorityGroups.Elderly : null;
                using (AsOfClock.At(issued))
                {
                    await tickets.HandleAsync(desk.Id, new IssueTicketRequest(field, priority, code), QueueTicketSources.Kiosk, ct);
                }

                using (AsOfClock.At(receivedAt.AddMinutes(-2)))
                {
                    await counter.HandleAsync(counterId, new CounterCommand(CounterActions.CallNext), ct);
                }

                using (AsOfClock.At(receivedAt.AddMinutes(-1)))
                {
                    await counter.HandleAsync(counterId, new CounterCommand(CounterActions.Start), ct);
                }

                free = receivedAt.AddMinutes(6 + rng.Next(15));
                using (AsOfClock.At(free))
                {
                    await counter.HandleAsync(counterId, new CounterCommand(CounterActions.End), ct);
                }

                done++;
            }
            catch (PlatformException e)
            {
                logger.LogWarning("Dữ liệu mẫu: lượt xếp hàng của hồ sơ {Code} bỏ qua: {Message}", code, e.Message);
                db.ChangeTracker.Clear();
                return done;
            }
        }

        return done;
    }

    private static async Task SignInAsync(CounterCommandHandler counter, Guid counterId, CancellationToken ct)
    {
        try
        {
            await counter.HandleAsync(counterId, new CounterCommand(CounterActions.SignIn), ct);
        }
        catch (PlatformException)
        {
            // Already seated from the day before.
        }
    }
}
