namespace OneStop.Training.Contracts;

/// <summary>What other modules may ask of Training (read-only).</summary>
public interface ITrainingApi
{
    /// <summary>
    /// Whether the person holds a valid certificate for a procedure field on a date — the optional gate Counters applies
    /// before assigning a specialist dossiers of that field. When the gate is switched off
    /// (<c>Training:RequireTrainingForAssignment=false</c>, the default) it answers true.
    /// </summary>
    Task<bool> HasValidTrainingAsync(Guid userId, string procedureField, DateOnly date, CancellationToken ct = default);

    /// <summary>KPI source: classes held (finished) in a year, organised inside the unit path.</summary>
    Task<int> ClassesHeldAsync(int year, string unitPath, CancellationToken ct = default);

    /// <summary>KPI source: share (0–1) of desk officers under the unit path who passed a class in the year.</summary>
    Task<TrainedShare> DeskStaffTrainedAsync(int year, string unitPath, CancellationToken ct = default);
}

public sealed record TrainedShare(int DeskStaff, int Trained)
{
    public double Ratio => DeskStaff == 0 ? 0 : (double)Trained / DeskStaff;
}
