using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Queue.Domain;

namespace OneStop.Queue.Tests;

/// <summary>The fairness rule of ADR 0008 on its own: priority first, but no normal ticket starves.</summary>
public sealed class QueuePolicyTests
{
    private static readonly DateTimeOffset Opening = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero); // 08:00 in Vietnam

    private sealed class Desk
    {
        private readonly QueueDesk _desk = new("T1", "Bàn thử") { PriorityHeadStartMinutes = 15 };
        private int _number;

        public Desk() => Counter = new QueueCounter(_desk, 1, "Quầy 1", ["Hộ tịch"]);

        public QueueCounter Counter { get; }
        public List<QueueTicket> Tickets { get; } = [];

        public QueueTicket Issue(double minute, string? priority)
        {
            var at = Opening.AddMinutes(minute);
            var ticket = new QueueTicket(_desk, new DateOnly(2026, 3, 2), ++_number, "Hộ tịch", priority, QueueTicketSources.Kiosk, at,
                QueuePolicy.QueueKey(at, priority is not null, _desk.PriorityHeadStartMinutes));
            Tickets.Add(ticket);
            return ticket;
        }
    }

    [Fact]
    public void A_priority_ticket_is_called_before_normal_tickets_issued_earlier()
    {
        var desk = new Desk();
        var normal1 = desk.Issue(0, null);
        var normal2 = desk.Issue(5, null);
        var elderly = desk.Issue(10, QueuePriorityGroups.Elderly);

        QueuePolicy.Next(desk.Tickets, desk.Counter).ShouldBe(elderly);
        elderly.Call(desk.Counter.Id, Opening.AddMinutes(10));
        QueuePolicy.Next(desk.Tickets, desk.Counter).ShouldBe(normal1);
        normal1.Call(desk.Counter.Id, Opening.AddMinutes(11));
        QueuePolicy.Next(desk.Tickets, desk.Counter).ShouldBe(normal2);
    }

    [Fact]
    public void A_normal_ticket_that_has_waited_longer_than_the_head_start_goes_before_a_new_priority_ticket()
    {
        var desk = new Desk();
        var normal = desk.Issue(0, null);
        var pregnant = desk.Issue(16, QueuePriorityGroups.Pregnant);

        QueuePolicy.Next(desk.Tickets, desk.Counter).ShouldBe(normal);
        pregnant.QueueKey.ShouldBeGreaterThan(normal.QueueKey);
    }

    [Fact]
    public void A_transferred_ticket_is_called_first_at_its_target_counter_only()
    {
        var desk = new Desk();
        var first = desk.Issue(0, QueuePriorityGroups.Disabled);
        var moved = desk.Issue(1, null);
        var other = new QueueCounter(new QueueDesk("T2", "Bàn khác"), 2, "Quầy 2", ["Đất đai"]);
        moved.Call(desk.Counter.Id, Opening.AddMinutes(2));
        moved.TransferTo(other.Id);

        QueuePolicy.Next(desk.Tickets, desk.Counter).ShouldBe(first);
        QueuePolicy.Next(desk.Tickets, other).ShouldBe(moved);
    }

    /// <summary>
    /// One counter, 4 minutes a visit, an elderly citizen every 3 minutes all morning: priority demand alone exceeds the
    /// counter. Strict precedence would never call the normal ticket issued at 08:01; the head start calls it once the
    /// priority tickets issued before 08:16 are served, and nobody issued after 08:16 passes it.
    /// </summary>
    [Fact]
    public void Normal_tickets_do_not_starve_under_a_steady_stream_of_priority_tickets()
    {
        var desk = new Desk();
        var arrivals = Enumerable.Range(0, 80).Select(i => (Minute: i * 3.0, Priority: (string?)QueuePriorityGroups.Elderly)).Append((Minute: 1.0, Priority: null))
            .OrderBy(a => a.Minute).ToList();
        var normal = (QueueTicket?)null;
        var order = new List<QueueTicket>();
        var now = 0.0;
        var next = 0;
        while (order.Count < arrivals.Count && now < 240)
        {
            while (next < arrivals.Count && arrivals[next].Minute <= now)
            {
                var t = desk.Issue(arrivals[next].Minute, arrivals[next].Priority);
                normal ??= t.PriorityGroup is null ? t : null;
                next++;
            }

            if (QueuePolicy.Next(desk.Tickets, desk.Counter) is { } ticket)
            {
                ticket.Call(desk.Counter.Id, Opening.AddMinutes(now));
                ticket.End(Opening.AddMinutes(now + 4));
                order.Add(ticket);
                now += 4;
            }
            else
            {
                now = arrivals[next].Minute;
            }
        }

        normal.ShouldNotBeNull();
        normal.CalledAt.ShouldNotBeNull("the normal ticket starved");
        var before = order.TakeWhile(t => t != normal).ToList();
        before.ShouldAllBe(t => t.IssuedAt < normal.IssuedAt.AddMinutes(15));
        before.Count.ShouldBe(6); // the elderly citizens of 08:00, :03, :06, :09, :12 and :15
        normal.WaitSeconds.ShouldBe(23 * 60);
    }
}
