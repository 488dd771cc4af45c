namespace OneStop.Counters.Domain.Dossiers;

/// <summary>When a step started at <paramref name="start"/> with a budget of so many working hours is due (the working calendar's walk).</summary>
internal delegate DateTimeOffset? StepClock(DateTimeOffset start, decimal budgetHours);
