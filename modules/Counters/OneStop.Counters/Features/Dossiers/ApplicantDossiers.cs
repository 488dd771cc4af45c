using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Persistence;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>
/// A signed-in applicant's own dossiers across every unit (ADR 0046): the scope filter is lifted for this exact kind and
/// identity only — the identity comes from the citizen's cookie, never from a request. Null when it is not an identity
/// at all, so no caller ever lifts the scope for an empty one.
/// </summary>
internal static class ApplicantDossiers
{
    public static IQueryable<Dossier>? Of(CountersDbContext db, string applicantKind, string? applicantIdentity)
    {
        var identity = (applicantIdentity ?? "").Trim();
        if (identity.Length is 0 or > 20 || applicantKind is not (ApplicantKinds.Citizen or ApplicantKinds.Organisation))
        {
            return null;
        }

        return db.Dossiers.IgnoreQueryFilters([PlatformModelConventions.ScopeFilter]).AsNoTracking()
            .Where(d => d.ApplicantKind == applicantKind && d.ApplicantIdentity == identity);
    }
}
