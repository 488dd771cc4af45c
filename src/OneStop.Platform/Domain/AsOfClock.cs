namespace OneStop.Platform.Domain;

/// <summary>
/// The host's clock: real time, except inside a flow that set an "as of" instant with <see cref="At"/>. The demo
/// dataset (ADR 0019) writes its dossiers of the last 18 months through the modules' own handlers, which read the time
/// from <see cref="TimeProvider"/>; shifting the clock for that one flow (an <see cref="AsyncLocal{T}"/>) dates every
/// row, audit record and event as if it had happened then, while requests, jobs and the relay keep real time.
/// </summary>
public sealed class AsOfClock(TimeProvider inner) : TimeProvider
{
    private static readonly AsyncLocal<DateTimeOffset?> Override = new();

    public override DateTimeOffset GetUtcNow() => Override.Value ?? inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    // Timers and elapsed-time measurements stay on real time: only "what time is it" is shifted.
    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>
    /// From now on, in this flow and the tasks it starts, the clock reads <paramref name="instant"/> (it does not run:
    /// the caller moves it step by step). Disposing the handle restores what was there before. Call it in the method
    /// that does the work: an <see cref="AsyncLocal{T}"/> set inside an awaited method does not flow back to its caller.
    /// </summary>
    public static IDisposable At(DateTimeOffset instant)
    {
        var previous = Override.Value;
        Override.Value = instant.ToUniversalTime();
        return new Restore(previous);
    }

    private sealed class Restore(DateTimeOffset? previous) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                Override.Value = previous;
            }
        }
    }
}
