namespace OneStop.Platform;

/// <summary>
/// The working calendar changed: a day off or a make-up Saturday was added or removed (<see cref="UnitId"/> null: every
/// unit), or a unit's office hours were set. Due dates counted through <see cref="From"/> or later may move; modules
/// holding due dates recompute them (Counters: open dossiers, ADR 0040). <see cref="What"/> says what changed, in
/// Vietnamese, for the dossiers' history.
/// </summary>
public sealed record WorkingCalendarChanged(DateOnly From, Guid? UnitId, string What) : IntegrationEvent;
