namespace OneStop.Platform.TestKit;

/// <summary>
/// The host's clock in tests: real time until a test sets it, then real time shifted to the set moment — it keeps
/// running (Kestrel's heartbeat and timeouts need a moving clock), moved further by <see cref="Advance"/>. Due dates
/// depend on the minute of reception, which a test reaches within the same minute it set.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    /// <summary>Moves the clock to a Vietnam wall-clock time ("2026-12-07 09:00" is 02:00 UTC).</summary>
    public void SetVietnamTime(int year, int month, int day, int hour, int minute = 0) =>
        Set(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(7)));

    public void Set(DateTimeOffset now) => _offset = now - System.GetUtcNow();

    public void Advance(TimeSpan by) => _offset += by;

    /// <summary>Back to real time.</summary>
    public void Reset() => _offset = TimeSpan.Zero;
}
