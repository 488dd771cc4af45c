using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Evaluation.Contracts;
using OneStop.Evaluation.Domain;
using OneStop.Evaluation.Features.Satisfaction;
using OneStop.Evaluation.Infrastructure;
using OneStop.Integration.Contracts;
using OneStop.Platform;
using OneStop.Platform.Messaging;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Evaluation.Features.PortalRatings;

/// <summary>
/// A rating a citizen gave on the National Public Service Portal becomes the dossier's online rating (channel ONLINE,
/// <see cref="RatingSource.Portal"/>), written in the dossier's unit with the citizen as its author
/// (<c>VNeID ••••1234</c>, as ADR 0048 names citizens in the audit trail). Once: a dossier has one online rating, so a
/// redelivered or repeated portal rating is left as it is. A rating by anyone but the dossier's applicant, or with
/// scores the form does not allow, is not recorded. A dossier Evaluation does not know yet (its events still on the
/// way) throws, so the relay tries again later.
/// </summary>
internal sealed class PortalRatingHandler(EvaluationDbContext db, IServiceScopeFactory scopes, ICurrentScope scope, ILogger<PortalRatingHandler> logger)
    : IIntegrationEventHandler<PortalRatingGiven>
{
    private static readonly string[] ScopeFilter = [PlatformModelConventions.ScopeFilter];

    public async Task HandleAsync(PortalRatingGiven e, CancellationToken ct)
    {
        var code = e.DossierCode.Trim();
        var dossier = await db.Dossiers.IgnoreQueryFilters(ScopeFilter).AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct)
            ?? throw new InvalidOperationException($"Dossier {code} rated on the national portal is not known to Evaluation yet.");
        var digits = new string((e.CitizenIdentity ?? "").Where(char.IsAsciiDigit).ToArray());
        var tail = digits.Length >= 4 ? digits[^4..] : "";
        if (tail.Length == 0 || tail != dossier.IdentityTail)
        {
            logger.LogWarning("Portal rating {Rating} of dossier {Dossier} not recorded: given by someone other than its applicant", e.PortalRatingId, code);
            return;
        }

        var request = new RateRequest(code, RatingChannels.Online, [.. e.Scores], e.Overall, e.Comment);
        if (!new RateRequestValidator().Validate(request).IsValid)
        {
            logger.LogWarning("Portal rating {Rating} of dossier {Dossier} not recorded: scores or verdict outside the form", e.PortalRatingId, code);
            return;
        }

        // Its own unit of work: the rating handler keeps the ratings' chain in a transaction of its own.
        using var _ = scope.Change(new UnitScope(dossier.UnitId, dossier.UnitPath, ""), null, $"VNeID ••••{tail}");
        using var work = scopes.CreateScope();
        try
        {
            await work.ServiceProvider.GetRequiredService<RateHandler>().RateAsync(request, RatingSource.Portal, ct);
        }
        catch (PlatformException already) when (already.Code == EvaluationErrorCodes.AlreadyRated)
        {
            logger.LogInformation("Portal rating {Rating} of dossier {Dossier}: the dossier already has its online rating", e.PortalRatingId, code);
        }
    }
}
