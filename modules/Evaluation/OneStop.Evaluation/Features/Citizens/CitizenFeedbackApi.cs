using FluentValidation;
using Microsoft.EntityFrameworkCore;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Complaints;
using OneStop.Evaluation.Features.Satisfaction;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Evaluation.Features.Citizens;

/// <summary>
/// A signed-in citizen's rating and complaints (ADR 0050) through the same handlers the portal's API client and the
/// desk use: <see cref="RateHandler"/> as the portal (<see cref="RatingSource.Portal"/>, so the channel is ONLINE and
/// the rating is counted as online) and <see cref="ComplaintHandler"/> with channel ONLINE. The caller acts in the
/// dossier's unit as the citizen, so the stamps and the audit trail name the citizen.
/// </summary>
internal sealed class CitizenFeedbackApi(EvaluationDbContext db, RateHandler ratings, ComplaintHandler complaints, ICurrentScope scope) : ICitizenFeedbackApi
{
    private static readonly string[] ScopeFilter = [PlatformModelConventions.ScopeFilter];

    public async Task<CitizenRating> RateAsync(string dossierCode, IReadOnlyList<int> scores, string overall, string? comment, CancellationToken ct)
    {
        var request = new RateRequest((dossierCode ?? "").Trim(), RatingChannels.Online, [.. scores], overall ?? "", comment);
        Validate(new RateRequestValidator(), request);
        var dto = await ratings.RateAsync(request, RatingSource.Portal, ct);
        var stored = await db.Ratings.IgnoreQueryFilters(ScopeFilter).AsNoTracking().FirstAsync(r => r.Id == dto.Id, ct);
        return ToRating(stored);
    }

    public async Task<IReadOnlyDictionary<string, CitizenRating>> RatingsAsync(IReadOnlyCollection<string> dossierCodes, CancellationToken ct)
    {
        var codes = dossierCodes.Where(c => c is { Length: > 0 and <= 40 }).Distinct().Take(50).ToList();
        if (codes.Count == 0)
        {
            return new Dictionary<string, CitizenRating>();
        }

        var rows = await db.Ratings.IgnoreQueryFilters(ScopeFilter).AsNoTracking()
            .Where(r => codes.Contains(r.DossierCode) && r.Channel == RatingChannels.Online).ToListAsync(ct);
        return rows.GroupBy(r => r.DossierCode).ToDictionary(g => g.Key, g => ToRating(g.OrderBy(r => r.Seq).First()));
    }

    public async Task<CitizenComplaint> ComplainAsync(string authorKey, string authorName, string? contact, string? dossierCode, string subject, string content,
        CancellationToken ct)
    {
        var key = (authorKey ?? "").Trim();
        if (key.Length is 0 or > 20)
        {
            throw new PlatformException(EvaluationErrorCodes.DossierNotFound, 404);
        }

        var request = new CreateComplaintRequest(ComplaintChannels.Online, (subject ?? "").Trim(), (content ?? "").Trim(), authorName ?? "",
            string.IsNullOrWhiteSpace(contact) ? null : contact.Trim()[..Math.Min(contact.Trim().Length, 256)], dossierCode);
        Validate(new CreateComplaintRequestValidator(), request);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await complaints.CreateAsync(request, ct);
        db.Add(new ComplaintAuthor { ComplaintId = created.Id, AuthorKey = key, UnitName = scope.Unit.Name });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CitizenComplaint(created.Code, created.DossierCode, created.Subject, created.Content, scope.Unit.Name, created.ReceivedAt, created.DueAt,
            created.ResolvedAt, created.Outcome, created.Answer);
    }

    /// <summary>A page's last complaint: where the next page starts (newest first, the id breaks ties).</summary>
    private sealed record ComplaintKey(DateTimeOffset At, Guid Id);

    public async Task<OneStop.Platform.KeysetPage<CitizenComplaint>> ComplaintsAsync(string authorKey, string? cursor, int size, CancellationToken ct)
    {
        var key = (authorKey ?? "").Trim();
        if (key.Length is 0 or > 20)
        {
            return new([], null);
        }

        size = Math.Clamp(size, 1, 100);
        var after = KeysetCursor.Decode<ComplaintKey>(cursor);
        // The author's own complaints in whichever unit received them: the filter is lifted for this exact key only.
        var query = from a in db.ComplaintAuthors.IgnoreQueryFilters(ScopeFilter).AsNoTracking()
                    join c in db.Complaints.IgnoreQueryFilters(ScopeFilter).AsNoTracking() on a.ComplaintId equals c.Id
                    where a.AuthorKey == key
                    select new { c, a.UnitName };
        if (after is not null)
        {
            query = query.Where(r => r.c.ReceivedAt < after.At || (r.c.ReceivedAt == after.At && r.c.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(r => r.c.ReceivedAt).ThenByDescending(r => r.c.Id).Take(size + 1).ToListAsync(ct);
        return KeysetCursor.ToPage(rows, size,
            r => new CitizenComplaint(r.c.Code, r.c.DossierCode, r.c.Subject, r.c.Content, r.UnitName, r.c.ReceivedAt, r.c.DueAt, r.c.ResolvedAt, r.c.Outcome, r.c.Answer),
            r => new ComplaintKey(r.c.ReceivedAt, r.c.Id));
    }

    private static CitizenRating ToRating(Rating r) => new(r.DossierCode, r.Channel, r.Scores, r.Points, r.Overall, r.Comment, r.CreatedBy, r.RatedAt);

    /// <summary>The same rules as the API's request filter; the first broken one is the answer (400 with its message).</summary>
    private static void Validate<T>(AbstractValidator<T> validator, T request)
    {
        if (validator.Validate(request).Errors.FirstOrDefault() is { } error)
        {
            throw new PlatformException(error.ErrorCode, 400);
        }
    }
}
