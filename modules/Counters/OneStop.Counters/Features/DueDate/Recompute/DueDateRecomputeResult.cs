namespace OneStop.Counters.Features.DueDate.Recompute;

/// <summary>What a recompute did: open dossiers read, due dates moved, dossiers left alone for want of calendar data.</summary>
internal sealed record DueDateRecomputeResult(int Checked, int Moved, int NotCovered);
