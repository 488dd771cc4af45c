using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Persistence;

namespace OneStop.Counters.Features.Dossiers;

/// <summary>What anyone may learn from a dossier code printed on the receipt: no identity data, the name masked.</summary>
internal sealed record PublicDossierStatus(
    string Code, string ProcedureName, string Status, string StatusName, string ApplicantName, string ReceivingUnitName,
    DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ReturnedAt,
    bool ClockStopped, IReadOnlyList<PublicDossierStep> Steps);

internal sealed record PublicDossierStep(DateTimeOffset At, string Name);

/// <summary>Tra cứu tình trạng hồ sơ (no login): by the dossier code printed on the receipt (Mẫu 01).</summary>
internal static class PublicLookup
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/public/dossiers/{code}", Lookup).AllowAnonymous().WithTags("Tra cứu công khai")
            .WithSummary("Tra cứu tình trạng hồ sơ theo mã hồ sơ (không cần đăng nhập; không trả thông tin định danh)");

    internal static async Task<Results<Ok<PublicDossierStatus>, ProblemHttpResult>> Lookup(string code, CountersDbContext db, CancellationToken ct)
    {
        var status = await FindAsync(db, code, ct);
        return status is null
            ? CountersProblems.NotFound(CountersErrorCodes.DossierNotFound, CountersMessages.PublicDossierNotFound)
            : TypedResults.Ok(status);
    }

    /// <summary>Anonymous: the scope filter is lifted for this one exact-code read only.</summary>
    public static async Task<PublicDossierStatus?> FindAsync(CountersDbContext db, string code, CancellationToken ct)
    {
        code = code.Trim().ToUpperInvariant();
        if (code.Length is < 10 or > 40)
        {
            return null;
        }

        var d = await db.Dossiers.IgnoreQueryFilters([PlatformModelConventions.ScopeFilter]).AsNoTracking().Include(x => x.History)
            .FirstOrDefaultAsync(x => x.Code == code, ct);
        return d is null ? null : new PublicDossierStatus(
            d.Code, d.ProcedureName, d.Status, DossierStatuses.NameVi(d.Status), Mask(d.ApplicantName), d.ReceivingUnitName,
            d.SubmittedAt, d.ReceivedAt, d.DueAt, d.ResolvedAt, d.ReturnedAt, d.IsClockStopped,
            d.History.OrderBy(h => h.At).Select(h => new PublicDossierStep(h.At, DossierText.TransitionVi(h.Transition))).ToList());
    }

    /// <summary>"Nguyễn Văn An" → "N*** V** An": enough for the applicant to recognise, not to identify.</summary>
    public static string Mask(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', parts.Select((p, i) => i == parts.Length - 1 ? p : p[0] + new string('*', Math.Max(1, p.Length - 1))));
    }
}
