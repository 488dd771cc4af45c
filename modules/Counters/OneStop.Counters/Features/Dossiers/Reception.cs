using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Domain.Dossiers;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// What receiving a dossier needs, read before its transaction: the day, the internal process planned from it, the step
/// clock; and the register's line when the intake took it together with the dossier's code.
/// </summary>
internal sealed record Reception(DateOnly Day, IReadOnlyList<PlannedStep> Plan, StepClock StepClock, int? RegisterLine = null);
