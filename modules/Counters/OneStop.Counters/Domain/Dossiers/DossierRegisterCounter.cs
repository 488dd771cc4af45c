using OneStop.Platform.Domain;

namespace OneStop.Counters.Domain.Dossiers;

/// <summary>
/// The last line of a receiving unit's Sổ theo dõi hồ sơ for a year. Incremented with an upsert in the reception's
/// transaction, so concurrent receptions queue on the row and a rolled-back one gives its number back.
/// </summary>
[NotAudited]
internal sealed class DossierRegisterCounter
{
    public Guid UnitId { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}
