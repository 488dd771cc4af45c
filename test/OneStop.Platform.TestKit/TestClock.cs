namespace OneStop.Platform.TestKit;

/// <summary>
/// The host's clock in tests: real time until a test sets it, then frozen there (moved by <see cref="Advance"/>).
/// Due dates depend on the hour of reception, so tests that check them fix the clock.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _now;

    public override DateTimeOffset GetUtcNow() => _now?.ToUniversalTime() ?? System.GetUtcNow();

    /// <summary>Freezes the clock at a Vietnam wall-clock time ("2026-12-07 09:00" is 02:00 UTC).</summary>
    public void SetVietnamTime(int year, int month, int day, int hour, int minute = 0) =>
        _now = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    public void Set(DateTimeOffset now) => _now = now;

    public void Advance(TimeSpan by) => _now = GetUtcNow() + by;

    /// <summary>Back to real time.</summary>
    public void Reset() => _now = null;
}
