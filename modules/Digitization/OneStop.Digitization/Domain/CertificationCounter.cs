using OneStop.Platform.Domain;

namespace OneStop.Digitization.Domain;

/// <summary>
/// Last số chứng thực per unit per year. Incremented inside the certification's transaction with an upsert (as the
/// dossier codes are), so the row lock serialises concurrent certifications and a rolled-back one gives its number
/// back: no gaps, no duplicates.
/// </summary>
[NotAudited]
internal sealed class CertificationCounter
{
    /// <summary>The unit's id as text (a key both providers compare the same way in the raw upsert).</summary>
    public string UnitKey { get; set; } = "";
    public int Year { get; set; }
    public int Last { get; set; }
}
