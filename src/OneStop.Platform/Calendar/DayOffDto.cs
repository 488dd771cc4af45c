namespace OneStop.Platform.Calendar;

internal sealed record DayOffDto(Guid Id, DateOnly Date, string Kind, string Name, string Source, bool IsWorkingDay);
