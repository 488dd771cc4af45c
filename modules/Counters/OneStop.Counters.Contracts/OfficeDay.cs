namespace OneStop.Counters.Contracts;

/// <summary>
/// One day of a unit as the official calendar and the unit's office hours (local Vietnam time) make it: what the
/// queue's appointment slots follow. <see cref="CalendarCovered"/> is false for a year the calendar has no data for.
/// </summary>
public sealed record OfficeDay(
    DateOnly Date,
    bool CalendarCovered,
    bool IsWorkingDay,
    /// <summary>Why the day is not a working day (Vietnamese, e.g. "Chủ nhật", a holiday's name); null on a working day.</summary>
    string? NotWorkingReason,
    TimeOnly MorningStart,
    TimeOnly MorningEnd,
    TimeOnly AfternoonStart,
    TimeOnly AfternoonEnd);
