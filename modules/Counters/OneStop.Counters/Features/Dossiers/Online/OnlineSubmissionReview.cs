using FluentValidation;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Dossiers;
using OneStop.Counters.Infrastructure;
using OneStop.Integration.Contracts;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using PlatformTime = OneStop.Platform.Domain.VietnamTime;

namespace OneStop.Counters.Features.Dossiers.Online;

internal sealed record OnlineSubmissionDto(
    Guid Id, string PortalReference, string UnitCode, string ProcedureCode, string ApplicantName, DateTimeOffset SubmittedAt, string Status,
    string? Reason, Guid? SuggestedUnitId, Guid? DossierId, string? DossierCode, Guid? DossierUnitId, string? DossierUnitName,
    DateTimeOffset? RoutedAt, string? RoutedBy);

/// <summary>A unit an item may be routed to: valid today and in the officer's scope.</summary>
internal sealed record RoutableUnitDto(Guid Id, string Name, string Level);

internal sealed record RouteOnlineSubmissionRequest(Guid? UnitId);

internal sealed class RouteOnlineSubmissionRequestValidator : AbstractValidator<RouteOnlineSubmissionRequest>
{
    public RouteOnlineSubmissionRequestValidator() =>
        RuleFor(r => r.UnitId).Must(u => u is { } id && id != Guid.Empty).WithErrorCode(CountersMessages.RouteTargetRequired);
}

/// <param name="AfterSequence">Offer the submissions after this sequence of the portal's feed; 0 or none: from the start.</param>
internal sealed record RepullOnlineSubmissionsRequest(long? AfterSequence = null);

internal sealed class RepullOnlineSubmissionsRequestValidator : AbstractValidator<RepullOnlineSubmissionsRequest>
{
    public RepullOnlineSubmissionsRequestValidator() =>
        RuleFor(r => r.AfterSequence).Must(s => s is null or >= 0).WithErrorCode(CountersMessages.RepullSequenceNegative);
}

/// <summary>
/// The province's queue of online submissions that no unit could take on its own: list, route to a unit valid today
/// (filed through the same intake as the portal's handler), and pull the portal's feed again. Page and API share it.
/// </summary>
internal sealed class OnlineSubmissionReview(
    CountersDbContext db, OnlineSubmissionFiler filer, IAdministrativeUnitDirectory units, ICurrentScope scope, TimeProvider clock, IEnumerable<IPortalSubmissionFeed> feeds)
{
    /// <summary>Items in scope with <paramref name="status"/> (REVIEW by default, oldest first: a work queue).</summary>
    public async Task<KeysetPage<OnlineSubmissionDto>> ListAsync(string? status, string? cursor, int? pageSize, CancellationToken ct)
    {
        var wanted = string.IsNullOrWhiteSpace(status) ? OnlineSubmissionStatuses.Review : status.Trim().ToUpperInvariant();
        if (!OnlineSubmissionStatuses.All.Contains(wanted))
        {
            throw new PlatformException(PlatformErrorCodes.ValidationFailed, 400, string.Join(", ", OnlineSubmissionStatuses.All))
            {
                MessageCode = CountersMessages.OnlineStatusInvalid,
            };
        }

        var size = KeysetCursor.ClampPageSize(pageSize);
        var query = db.OnlineSubmissions.AsNoTracking().Where(o => o.Status == wanted);
        if (KeysetCursor.Decode<Guid?>(cursor) is { } last)
        {
            query = query.Where(o => o.Id.CompareTo(last) > 0);
        }

        var rows = await query.OrderBy(o => o.Id).Take(size + 1).ToListAsync(ct);
        return KeysetCursor.ToPage(rows, size, ToDto, o => (Guid?)o.Id);
    }

    public async Task<OnlineSubmissionDto> GetAsync(Guid id, CancellationToken ct) => ToDto(await FindAsync(id, ct));

    /// <summary>The units valid today in the officer's scope, province first, then by name.</summary>
    public async Task<IReadOnlyList<RoutableUnitDto>> RoutableUnitsAsync(CancellationToken ct)
    {
        var today = PlatformTime.Today(clock);
        return (await units.AllAsync(ct))
            .Where(u => u.IsValidOn(today) && scope.Unit.Contains(u.Path))
            .OrderBy(u => u.ParentId is null ? 0 : 1).ThenBy(u => u.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .Select(u => new RoutableUnitDto(u.Id, u.Name, u.Level)).ToList();
    }

    /// <summary>
    /// Files the item as a dossier at <paramref name="request"/>'s unit. Idempotent: routing it again to the same unit
    /// answers with the dossier already filed; to another unit it is refused (409), never filed twice.
    /// </summary>
    public async Task<OnlineSubmissionDto> RouteAsync(Guid id, RouteOnlineSubmissionRequest request, CancellationToken ct)
    {
        var item = await FindAsync(id, ct);
        var target = request.UnitId!.Value;
        if (item.Status != OnlineSubmissionStatuses.Review)
        {
            return item.DossierUnitId == target ? ToDto(item) : throw AlreadyFiled(item);
        }

        var unit = await units.FindAsync(target, ct);
        if (unit is null || !unit.IsValidOn(PlatformTime.Today(clock)) || !scope.Unit.Contains(unit.Path))
        {
            throw new PlatformException(CountersErrorCodes.RoutingTargetInvalid, 400) { MessageCode = CountersMessages.OnlineRouteTargetInvalid };
        }

        var submission = OnlineSubmissionFiler.Read(item)
            ?? throw new PlatformException(CountersErrorCodes.OnlineSubmissionAlreadyFiled, 409) { MessageCode = CountersMessages.OnlineOriginalMissing };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var dossier = await filer.FileAtAsync(submission, unit, ct);
        item.Status = OnlineSubmissionStatuses.Routed;
        (item.DossierId, item.DossierCode, item.DossierUnitId, item.DossierUnitName) = (dossier.Id, dossier.Code, unit.Id, unit.Name);
        (item.RoutedAt, item.RoutedBy, item.Version) = (clock.GetUtcNow(), scope.ActorName, Guid.NewGuid());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another officer routed it meanwhile: their dossier stands, this one is rolled back with the transaction.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var current = await FindAsync(id, ct);
            return current.DossierUnitId == target ? ToDto(current) : throw AlreadyFiled(current);
        }

        await transaction.CommitAsync(ct);
        return ToDto(item);
    }

    /// <summary>Asks the portal for its feed again after a sequence; what Counters already has is left alone (by portal reference).</summary>
    public async Task<PortalRepull> RepullAsync(RepullOnlineSubmissionsRequest request, CancellationToken ct)
    {
        var province = await units.ProvinceAsync(ct: ct);
        if (province is null || !scope.Unit.Contains(province.Path))
        {
            throw new PlatformException(PlatformErrorCodes.OutOfScope, 403) { MessageCode = CountersMessages.RepullProvinceOnly };
        }

        // The Integration module may be switched off in an installation: then there is no feed to ask.
        var feed = feeds.FirstOrDefault()
            ?? throw new PlatformException(CountersErrorCodes.PortalUnavailable, 503) { MessageCode = CountersMessages.PortalNotConnected };
        var result = await feed.RepullAsync(request.AfterSequence ?? 0, ct);
        return result.Available ? result : throw new PlatformException(CountersErrorCodes.PortalUnavailable, 503, result.Message) { MessageCode = CountersMessages.PortalAnswered };
    }

    private async Task<OnlineSubmission> FindAsync(Guid id, CancellationToken ct) =>
        await db.OnlineSubmissions.FirstOrDefaultAsync(o => o.Id == id, ct)
        ?? throw new PlatformException(CountersErrorCodes.OnlineSubmissionNotFound, 404);

    private static PlatformException AlreadyFiled(OnlineSubmission item) =>
        new(CountersErrorCodes.OnlineSubmissionAlreadyFiled, 409, item.PortalReference, item.DossierUnitName, item.DossierCode)
        {
            MessageCode = CountersMessages.OnlineAlreadyFiledAt,
        };

    private static OnlineSubmissionDto ToDto(OnlineSubmission o) => new(
        o.Id, o.PortalReference, o.UnitCode, o.ProcedureCode, o.ApplicantName, o.SubmittedAt, o.Status, o.Reason, o.SuggestedUnitId,
        o.DossierId, o.DossierCode, o.DossierUnitId, o.DossierUnitName, o.RoutedAt, o.RoutedBy);
}
