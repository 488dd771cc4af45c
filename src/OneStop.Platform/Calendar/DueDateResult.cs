namespace OneStop.Platform.Calendar;

/// <summary>The due date (local Vietnam time) and how it was reached, in Vietnamese, one step a line.</summary>
public sealed record DueDateResult(
    DateTime StartAt,
    DateTime DueAt,
    TimeSpan WorkingTime,
    IReadOnlyList<string> Explanation,
    IReadOnlyList<SkippedDay> SkippedDays,
    IReadOnlyList<DateOnly> MakeupDaysCounted);
