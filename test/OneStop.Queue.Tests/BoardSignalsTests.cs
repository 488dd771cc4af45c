using OneStop.Queue.Features;

namespace OneStop.Queue.Tests;

/// <summary>
/// The wake-up of live board streams on its own. A stream takes the generation, reads and writes the board, then waits:
/// a call made in between must wake it at once rather than leave it to the next one-second look at the database.
/// </summary>
public sealed class BoardSignalsTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

    [Fact]
    public void A_pulse_while_the_stream_was_busy_is_not_lost()
    {
        var signals = new BoardSignals();
        var desk = Guid.NewGuid();
        var seen = signals.Generation(desk);   // the stream starts a round
        signals.Pulse(desk);                   // a call comes while it reads and writes the board
        signals.WaitAsync(desk, seen, Long, CancellationToken.None).IsCompleted.ShouldBeTrue();
    }

    [Fact]
    public async Task A_waiting_stream_wakes_on_a_pulse_of_its_desk_only()
    {
        var signals = new BoardSignals();
        var (desk, other) = (Guid.NewGuid(), Guid.NewGuid());
        var wait = signals.WaitAsync(desk, signals.Generation(desk), Long, CancellationToken.None);
        var second = signals.WaitAsync(desk, signals.Generation(desk), Long, CancellationToken.None); // two screens on one desk
        signals.Pulse(other);
        wait.IsCompleted.ShouldBeFalse();

        signals.Pulse(desk);
        await Task.WhenAll(wait, second).WaitAsync(Long);
        signals.WaitAsync(desk, signals.Generation(desk), Long, CancellationToken.None).IsCompleted.ShouldBeFalse("nothing new since");
    }
}
