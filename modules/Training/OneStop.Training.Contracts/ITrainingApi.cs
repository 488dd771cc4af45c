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
}
