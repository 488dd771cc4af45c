using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>One of the procedure's components a supplement request can name: its document-type code and its name.</summary>
internal sealed record SupplementComponent(string Code, string Name);

/// <summary>
/// Thành phần hồ sơ cần bổ sung (Mẫu 02): the components a desk may ask for are those of the procedure version the
/// dossier was received under (ADR 0028), with any other component the dossier itself carries (a national-portal
/// dossier may); the request names them by document-type code.
/// </summary>
internal static class SupplementComponents
{
    public const int MaxAsked = 50;

    public static async Task<IReadOnlyList<SupplementComponent>> OfAsync(CountersDbContext db, Dossier d, CancellationToken ct)
    {
        var listed = await db.ProcedureVersions.AsNoTracking().Where(v => v.ProcedureId == d.ProcedureId && v.Number == d.ProcedureVersion)
            .SelectMany(v => v.Components).OrderBy(c => c.Order).Select(c => new SupplementComponent(c.DocumentTypeCode, c.Name)).ToListAsync(ct);
        if (listed.Count == 0)
        {
            listed = await db.Procedures.AsNoTracking().Where(p => p.Id == d.ProcedureId)
                .SelectMany(p => p.Components).OrderBy(c => c.Order).Select(c => new SupplementComponent(c.DocumentTypeCode, c.Name)).ToListAsync(ct);
        }

        var known = listed.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        listed.AddRange(d.Components.OrderBy(c => c.Order).Where(c => known.Add(c.DocumentTypeCode)).Select(c => new SupplementComponent(c.DocumentTypeCode, c.Name)));
        return listed.Select(c => c with { Name = string.IsNullOrWhiteSpace(c.Name) ? c.Code : c.Name }).ToList();
    }

    /// <summary>The asked codes in the procedure's order, once each; an unknown code refuses the request (400) before anything changes.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(CountersDbContext db, Dossier d, IEnumerable<string>? asked, CancellationToken ct)
    {
        var codes = (asked ?? []).Select(c => (c ?? "").Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            return [];
        }

        var components = await OfAsync(db, d, ct);
        var unknown = codes.Where(c => components.All(k => k.Code != c)).ToList();
        if (unknown.Count > 0)
        {
            throw new PlatformException(CountersErrorCodes.SupplementComponentUnknown, 400, string.Join(", ", unknown), d.ProcedureCode);
        }

        return components.Where(c => codes.Contains(c.Code)).Select(c => c.Code).ToList();
    }

    /// <summary>The names of <paramref name="codes"/>, in the procedure's order.</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(CountersDbContext db, Dossier d, IReadOnlyList<string> codes, CancellationToken ct) =>
        codes.Count == 0 ? [] : (await OfAsync(db, d, ct)).Where(c => codes.Contains(c.Code)).Select(c => c.Name).ToList();
}
