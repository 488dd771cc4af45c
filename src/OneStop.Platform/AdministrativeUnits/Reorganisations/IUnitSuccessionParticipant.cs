namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// A module's part in a reorganisation: what it hands from each retired unit to its successors. Everything a unit owns
/// follows its primary successor by the path rule without any code (its archive); a participant moves what must
/// change hands one by one, such as open dossiers, which go to the successor that will finish them.
/// </summary>
public interface IUnitSuccessionParticipant
{
    Task<IReadOnlyList<SuccessionImpact>> PreviewAsync(IReadOnlyList<UnitTransfer> transfers, CancellationToken ct);

    /// <param name="choices">Item id → successor code chosen by the admin in the preview.</param>
    /// <returns>How many open items (dossiers) were handed over; set-up that follows the successor counts 0.</returns>
    Task<int> ApplyAsync(IReadOnlyList<UnitTransfer> transfers, DateOnly effectiveOn, IReadOnlyDictionary<Guid, string> choices, CancellationToken ct);
}
