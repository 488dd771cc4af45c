namespace OneStop.Training.Contracts;

/// <summary>What other modules may ask of Training (read-only).</summary>
public interface ITrainingApi
{
    /// <summary>
    /// Whether the person holds a certificate valid on <paramref name="date"/> from a course that qualifies for the
    /// procedure field — what Counters' optional training gate asks before a specialist is assigned dossiers of that
    /// field (switched on there by <c>Counters:TrainingGate:Enabled</c>). The field is matched by name without case or
    /// diacritics: the catalogue's "Hộ tịch" and a course's "ho-tich" are the same field.
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
