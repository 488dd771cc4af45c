using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Infrastructure;

namespace OneStop.Digitization.Features.Kpi;

/// <summary>
/// What the digitisation KPIs need to know of one dossier, as SQL: one definition for <see cref="DigitizationKpiSource"/>
/// and <see cref="DigitizationKpiCalculator"/>. The dossiers' documents and open scan items are aggregated per dossier
/// once (restricted to the dossiers asked for, so an index finds them) and left-joined, rather than probed by one
/// EXISTS per flag: PostgreSQL would hash the whole documents table for each of those.
/// </summary>
internal sealed class DigitizationKpiFlags
{
    private static readonly string[] Scope = [Platform.Persistence.PlatformModelConventions.ScopeFilter];

    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string ProcedureName { get; init; } = "";
    public Guid UnitId { get; init; }
    public string UnitPath { get; init; } = "";
    public DateTimeOffset? ReceivedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    /// <summary>Resolved in [start, end).</summary>
    public bool Resolved { get; init; }
    /// <summary>Received in [start, end).</summary>
    public bool Received { get; init; }
    /// <summary>Its result is digitised and still valid on the period's last day.</summary>
    public bool Result { get; init; }
    /// <summary>Its result is digitised and signed with the unit's certificate: an electronic result with legal value.</summary>
    public bool SignedResult { get; init; }
    /// <summary>Something (component or result) is still waiting in the scan queue.</summary>
    public bool Open { get; init; }
    /// <summary>A component is still waiting in the scan queue.</summary>
    public bool OpenComponent { get; init; }
    public bool Archived { get; init; }
    /// <summary>Components the data store could supply at reception.</summary>
    public int Reusable { get; init; }
    /// <summary>Components reused from the data store.</summary>
    public int Reused { get; init; }
    /// <summary>Components the dossier required (received with it).</summary>
    public int Components { get; init; }
    /// <summary>Of those, the ones the applicant was not asked for again (<see cref="Domain.NotAskedAgain"/>).</summary>
    public int NotAsked { get; init; }
    /// <summary>A component digitised for it is in the applicant's data store.</summary>
    public bool ComponentStored { get; init; }
    /// <summary>Any document (component or result) digitised for it.</summary>
    public bool Digitised { get; init; }
    /// <summary>A document digitised for it is shared for reuse (not withheld by the applicant).</summary>
    public bool Shared { get; init; }

    /// <param name="validOn">The day a result must still be valid on (the period's last day).</param>
    public static IQueryable<DigitizationKpiFlags> Of(DigitizationDbContext db, IQueryable<DossierRecord> dossiers, DateTimeOffset start, DateTimeOffset end, DateOnly validOn)
    {
        var ids = dossiers.Select(d => (Guid?)d.Id);
        var documents = db.Documents.IgnoreQueryFilters(Scope).Where(x => !x.IsDeleted && ids.Contains(x.DossierId))
            .GroupBy(x => x.DossierId)
            .Select(g => new
            {
                DossierId = g.Key,
                Result = (int?)g.Max(x => x.Kind == DocumentKinds.Result && (x.ValidUntil == null || x.ValidUntil >= validOn) ? 1 : 0),
                Signed = (int?)g.Max(x => x.Kind == DocumentKinds.Result && x.SignedBlobKey != null ? 1 : 0),
                Component = (int?)g.Max(x => x.Kind == DocumentKinds.Component ? 1 : 0),
                Shared = (int?)g.Max(x => x.SharedForReuse ? 1 : 0),
            });
        var queue = db.ScanQueue.IgnoreQueryFilters(Scope).Where(q => !q.IsDeleted && q.Status == QueueStatuses.Pending && ids.Contains(q.DossierId))
            .GroupBy(q => q.DossierId)
            .Select(g => new { DossierId = (Guid?)g.Key, Component = (int?)g.Max(q => q.Kind == DocumentKinds.Component ? 1 : 0) });
        return from d in dossiers
               join x in documents on (Guid?)d.Id equals x.DossierId into xs
               from x in xs.DefaultIfEmpty()
               join q in queue on (Guid?)d.Id equals q.DossierId into qs
               from q in qs.DefaultIfEmpty()
               select new DigitizationKpiFlags
               {
                   Id = d.Id,
                   Code = d.Code,
                   ProcedureName = d.ProcedureName,
                   UnitId = d.UnitId,
                   UnitPath = d.UnitPath,
                   ReceivedAt = d.ReceivedAt,
                   ResolvedAt = d.ResolvedAt,
                   Resolved = d.ResolvedAt >= start && d.ResolvedAt < end,
                   Received = d.ReceivedAt >= start && d.ReceivedAt < end,
                   Result = x.Result == 1,
                   SignedResult = x.Signed == 1,
                   Open = q.DossierId != null,
                   OpenComponent = q.Component == 1,
                   Archived = d.ArchivedAt != null,
                   Reusable = d.ReusableCount,
                   Reused = d.ReusedCount,
                   Components = d.ComponentCount,
                   NotAsked = d.NotAskedCount,
                   ComponentStored = x.Component == 1,
                   Digitised = x.DossierId != null,
                   Shared = x.Shared == 1,
               };
    }
}
