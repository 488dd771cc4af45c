namespace OneStop.Counters.Contracts;

/// <summary>Thời hạn giải quyết of one channel, as text ("5 ngày làm việc").</summary>
public sealed record PublicLegalTime(string Channel, string Text);
