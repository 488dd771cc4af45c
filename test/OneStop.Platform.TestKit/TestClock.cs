namespace OneStop.Platform.TestKit;

/// <summary>
/// The host's clock in tests: real time until a test sets it. On the in-memory test server a set clock stands still
/// (exact waits and due dates), moved only by <see cref="Advance"/>. A host on Kestrel needs a moving clock (its
/// heartbeat and timeouts stall otherwise): <see cref="Running"/> makes the set clock run on from the set moment.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _frozenAt;
    private TimeSpan _offset;

    /// <summary>After <see cref="Set"/>, real seconds keep passing (browser tests on Kestrel).</summary>
    public bool Running { get; init; }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _frozenAt ?? System.GetUtcNow() + _offset;
        }
    }

    /// <summary>Moves the clock to a Vietnam wall-clock time ("2026-12-07 09:00" is 02:00 UTC).</summary>
    public void SetVietnamTime(int year, int month, int day, int hour, int minute = 0) =>
        Set(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(7)));

    public void Set(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Running)
            {
                _offset = now - System.GetUtcNow();
            }
            else
            {
                _frozenAt = now.ToUniversalTime();
            }
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            if (_frozenAt is { } at)
            {
                _frozenAt = at + by;
            }
            else
            {
                _offset += by;
            }
        }
    }

    /// <summary>Back to real time.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _frozenAt = null;
            _offset = TimeSpan.Zero;
        }
    }
}
