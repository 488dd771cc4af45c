using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Evaluation.Features.Satisfaction;

/// <param name="Channel">The channel the form states; the rating counts under where the applicant gave it (<see cref="RatingChannels.GivenAt"/>).</param>
/// <param name="Scores">The nine criteria of Circular 01/2018, in order, each 2, 1 or 0.</param>
internal sealed record RateRequest(string DossierCode, string Channel, int[] Scores, string Overall, string? Comment);

internal sealed class RateRequestValidator : AbstractValidator<RateRequest>
{
    public RateRequestValidator()
    {
        RuleFor(r => r.DossierCode).Must(code => !string.IsNullOrWhiteSpace(code)).WithErrorCode(EvaluationMessages.DossierCodeRequired);
        RuleFor(r => r.Channel).Must(RatingChannels.All.Contains).WithErrorCode(EvaluationMessages.RatingChannelInvalid);
        RuleFor(r => r.Scores).Must(scores => scores is { Length: Rating.CriteriaCount } && scores.All(s => s is >= 0 and <= 2))
            .WithErrorCode(EvaluationMessages.ScoresInvalid);
        RuleFor(r => r.Overall).Must(OverallRatings.All.Contains).WithErrorCode(EvaluationMessages.OverallInvalid);
        RuleFor(r => r.Comment).MaximumLength(2000).WithErrorCode(EvaluationMessages.CommentTooLong);
    }
}

/// <param name="Channel">Where the applicant gave the rating (the channel every figure counts).</param>
/// <param name="ClaimedChannel">What the recording form claimed when it differed (an officer's "ONLINE" recorded as PAPER), else null.</param>
internal sealed record RatingDto(Guid Id, long Seq, Guid DossierId, string DossierCode, Guid UnitId, string UnitPath, string Channel, string Scores, int Points,
    string Overall, string? Comment, DateTimeOffset RatedAt, string Hash, string? ClaimedChannel = null);

internal sealed record RatingChainVerification(bool Valid, long Checked, long? BrokenAtSeq, string? Reason);

/// <summary>
/// Records a rating: one per dossier per channel, chained to the previous rating (SHA-256) under a lock so the chain
/// has no forks. The channel is where the applicant gave it, decided by who records it (<see cref="RatingSource"/>):
/// the kiosk page's are kiosk ratings, an officer's are paper (whatever the form claims), a system acting for the
/// applicant online gives online ones. The kiosk (no sign-in) finds the dossier in the whole province and writes for
/// the desk that received it; staff and systems find it only in their scope.
/// </summary>
internal sealed class RateHandler(EvaluationDbContext db, ICurrentScope scope, TimeProvider clock)
{
    private static readonly string[] ScopeFilter = [PlatformModelConventions.ScopeFilter];

    /// <summary>The kiosk's look-up: a dossier code with the last four characters of the applicant's identity, or a ticket id.</summary>
    public async Task<RatedDossier?> FindForKioskAsync(string codeOrTicket, string? identityTail, CancellationToken ct)
    {
        var text = codeOrTicket.Trim();
        var all = db.Dossiers.IgnoreQueryFilters(ScopeFilter).AsNoTracking();
        if (Guid.TryParse(text, out var ticket))
        {
            return await all.FirstOrDefaultAsync(d => d.TicketId == ticket, ct);
        }

        var tail = (identityTail ?? "").Trim();
        return tail.Length == 0 ? null : await all.FirstOrDefaultAsync(d => d.Code == text && d.IdentityTail == tail, ct);
    }

    public async Task<RatingDto> RateAsync(RateRequest request, RatingSource source, CancellationToken ct)
    {
        var kiosk = source == RatingSource.Kiosk;
        var channel = RatingChannels.GivenAt(source, request.Channel);
        var dossiers = kiosk ? db.Dossiers.IgnoreQueryFilters(ScopeFilter) : db.Dossiers;
        var dossier = await dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Code == request.DossierCode.Trim(), ct)
            ?? throw new PlatformException(EvaluationErrorCodes.DossierNotFound, 404);
        if (dossier.Status == DossierStatuses.New
            || (channel == RatingChannels.Online && dossier.Status != DossierStatuses.Returned))
        {
            throw new PlatformException(EvaluationErrorCodes.NotYetRateable, 409)
            {
                MessageCode = channel == RatingChannels.Online ? EvaluationMessages.OnlineAfterResult : EvaluationMessages.NotYetReceived,
            };
        }

        // The kiosk has no signed-in user: the rating is written for the desk that received the dossier.
        using var _ = kiosk ? scope.Change(new UnitScope(dossier.UnitId, dossier.UnitPath, ""), null, "kiosk") : null;
        if (await db.Ratings.IgnoreQueryFilters(ScopeFilter).AnyAsync(r => r.DossierId == dossier.Id && r.Channel == channel, ct))
        {
            throw new PlatformException(EvaluationErrorCodes.AlreadyRated, 409);
        }

        var now = clock.GetUtcNow();
        var rating = new Rating(dossier, channel, request.Scores, request.Overall, string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
            new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero), request.Channel);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('evaluation:ratings'))", ct);
        }

        var last = await db.Ratings.IgnoreQueryFilters().OrderByDescending(r => r.Seq).Select(r => new { r.Seq, r.Hash }).FirstOrDefaultAsync(ct);
        rating.Chain((last?.Seq ?? 0) + 1, last?.Hash ?? Rating.GenesisHash);
        db.Ratings.Add(rating);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new PlatformException(EvaluationErrorCodes.AlreadyRated, 409);
        }

        return ToDto(rating);
    }

    public static RatingDto ToDto(Rating r) =>
        new(r.Id, r.Seq, r.DossierId, r.DossierCode, r.UnitId, r.UnitPath, r.Channel, r.Scores, r.Points, r.Overall, r.Comment, r.RatedAt, r.Hash, r.ClaimedChannel);

    /// <summary>Walks the whole chain: any edited, removed or reordered rating breaks it.</summary>
    public async Task<RatingChainVerification> VerifyAsync(CancellationToken ct)
    {
        var previous = Rating.GenesisHash;
        long expected = 1, count = 0;
        await foreach (var r in db.Ratings.IgnoreQueryFilters().AsNoTracking().OrderBy(r => r.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (r.Seq != expected)
            {
                return new(false, count, r.Seq, Messages.Text(EvaluationMessages.ChainGap, expected));
            }

            if (r.PreviousHash != previous)
            {
                return new(false, count, r.Seq, Messages.Text(EvaluationMessages.ChainLinkBroken));
            }

            if (r.ComputeHash() != r.Hash)
            {
                return new(false, count, r.Seq, Messages.Text(EvaluationMessages.ChainContentChanged));
            }

            previous = r.Hash;
            expected++;
        }

        return new(true, count, null, null);
    }
}

internal static class RatingEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/ratings");
        group.MapPost("/", Rate).RequirePermission(EvaluationPermissions.Ratings).Validate<RateRequest>().WithIdempotency()
            .WithSummary("Ghi nhận phiếu đánh giá mức độ hài lòng: hệ thống (Cổng DVC) gửi phiếu trực tuyến của người dân; cán bộ nhập phiếu giấy (luôn tính là phiếu giấy)");
        group.MapGet("/", List).RequirePermission(EvaluationPermissions.Ratings)
            .WithSummary("Phiếu đánh giá trong phạm vi, mới nhất trước");
        group.MapGet("/{id:guid}", Get).RequirePermission(EvaluationPermissions.Ratings);
        group.MapGet("/verify", Verify).RequirePermission(EvaluationPermissions.Manage)
            .WithSummary("Kiểm tra chuỗi băm của toàn bộ phiếu đánh giá");
    }

    private static async Task<Created<RatingDto>> Rate(HttpContext http, RateHandler handler, RateRequest request, CancellationToken ct)
    {
        if (request.Channel == RatingChannels.Kiosk)
        {
            throw new PlatformException(PlatformErrorCodes.ValidationFailed, 400) { MessageCode = EvaluationMessages.KioskOnly };
        }

        var dto = await handler.RateAsync(request, IsSystem(http.User) ? RatingSource.Portal : RatingSource.Staff, ct);
        return TypedResults.Created($"/api/v1/evaluation/ratings/{dto.Id}", dto);
    }

    /// <summary>
    /// A system signed in with a client-credentials token (the portal, an API client) rather than a person with the
    /// staff cookie — the same test the kernel's API usage meter makes.
    /// </summary>
    internal static bool IsSystem(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == "OpenIddict.Validation.AspNetCore" || user.HasClaim(c => c.Type == "oi_scp");

    private static async Task<Ok<KeysetPage<RatingDto>>> List(EvaluationDbContext db, string? cursor, int? pageSize, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<long?>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        var rows = await db.Ratings.AsNoTracking().Where(r => after == null || r.Seq < after).OrderByDescending(r => r.Seq).Take(size + 1).ToListAsync(ct);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, size, RateHandler.ToDto, r => (long?)r.Seq));
    }

    private static async Task<Results<Ok<RatingDto>, ProblemHttpResult>> Get(EvaluationDbContext db, Guid id, CancellationToken ct) =>
        await db.Ratings.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } r
            ? TypedResults.Ok(RateHandler.ToDto(r))
            : TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(EvaluationErrorCodes.DossierNotFound, Messages.Text(EvaluationMessages.RatingNotFound), 404));

    private static async Task<Ok<RatingChainVerification>> Verify(RateHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.VerifyAsync(ct));
}
