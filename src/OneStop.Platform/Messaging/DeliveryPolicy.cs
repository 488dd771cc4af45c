namespace OneStop.Platform.Messaging;

/// <summary>
/// How hard a queue tries: exponential backoff with jitter (0.5 s × 2^attempts, ±50 %, capped), then a dead letter
/// after <see cref="MaxAttempts"/>.
/// </summary>
public sealed record DeliveryPolicy(int MaxAttempts, TimeSpan MaxBackoff, int BatchSize)
{
    public TimeSpan Backoff(int attempts, double jitter) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(attempts, 20)) * 0.5 * (0.5 + jitter)));
}
