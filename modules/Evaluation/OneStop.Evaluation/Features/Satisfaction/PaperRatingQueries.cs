using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Infrastructure;

namespace OneStop.Evaluation.Features.Satisfaction;

/// <summary>A dossier returned in the caller's scope whose paper form has not been typed in yet.</summary>
internal sealed record PaperRatingCandidate(string Code, string ProcedureName, DateTimeOffset? ReturnedAt);

/// <summary>
/// What the staff page for paper forms (phiếu đánh giá giấy, Circular 01/2018) lists, in the caller's scope: the dossiers
/// returned without a paper rating (newest first), and the paper ratings typed in, a page at a time.
/// </summary>
internal sealed class PaperRatingQueries(EvaluationDbContext db)
{
    public const int PageSize = 20;

    public Task<List<PaperRatingCandidate>> AwaitingAsync(CancellationToken ct) =>
        db.Dossiers.AsNoTracking()
            .Where(d => d.Status == DossierStatuses.Returned && !db.Ratings.Any(r => r.DossierId == d.Id && r.Channel == RatingChannels.Paper))
            .OrderByDescending(d => d.ReturnedAt).Take(PageSize)
            .Select(d => new PaperRatingCandidate(d.Code, d.ProcedureName, d.ReturnedAt)).ToListAsync(ct);

    /// <summary>A page of the paper ratings typed in, newest first; a page past the last is the last.</summary>
    public async Task<(List<Rating> Items, int Total, int Page)> EnteredAsync(int page, CancellationToken ct)
    {
        var paper = db.Ratings.AsNoTracking().Where(r => r.Channel == RatingChannels.Paper);
        var total = await paper.CountAsync(ct);
        var current = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await paper.OrderByDescending(r => r.Seq).Skip((current - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return (items, total, current);
    }

    /// <summary>The dossier a paper form names, in the caller's scope.</summary>
    public Task<RatedDossier?> FindAsync(string code, CancellationToken ct) =>
        db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code.Trim(), ct);
}
