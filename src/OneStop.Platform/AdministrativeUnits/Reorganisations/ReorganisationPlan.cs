using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>A change set: what changes in the tree of units and agencies, on which date, on which legal basis.</summary>
public sealed record ReorganisationPlan(string Title, string LegalBasis, DateOnly EffectiveOn, IReadOnlyList<ReorganisationOperation> Operations)
{
    /// <summary>Identifies the content (not the file's bytes): the same change set loaded twice is applied once.</summary>
    public string ContentHash()
    {
        var canonical = JsonSerializer.Serialize(new
        {
            EffectiveOn,
            Operations = Operations.Select(o => new { o.Kind, o.Code, o.Name, o.Level, o.UnitKind, o.ParentCode, o.SuccessorCodes, o.DeskName }),
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
