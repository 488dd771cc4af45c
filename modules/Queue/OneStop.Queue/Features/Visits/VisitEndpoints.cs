using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Queue.Domain;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.Messaging;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Queue.Features.Visits;

/// <summary>Visits (ticket, desk, counter, dossiers) in the caller's scope, for the desks' console and the visit API.</summary>
internal sealed class QueueVisitReader(QueueDbContext db)
{
    public async Task<QueueVisitInfo?> FindAsync(Guid ticketId, CancellationToken ct) =>
        (await ReadAsync(db.QueueTickets.Where(t => t.Id == ticketId), ct)).FirstOrDefault();

    /// <summary>The visits that led to a dossier (one ticket may lead to several dossiers, a dossier to several visits).</summary>
    public async Task<IReadOnlyList<QueueVisitInfo>> VisitsForDossierAsync(string dossierCode, CancellationToken ct = default)
    {
        var code = dossierCode.Trim().ToUpperInvariant();
        var ids = db.QueueTicketDossiers.Where(l => l.DossierCode == code).Select(l => l.TicketId);
        return await ReadAsync(db.QueueTickets.Where(t => ids.Contains(t.Id)), ct);
    }

    private async Task<IReadOnlyList<QueueVisitInfo>> ReadAsync(IQueryable<QueueTicket> tickets, CancellationToken ct)
    {
        var rows = await (from t in tickets.AsNoTracking()
                          join d in db.QueueDesks.AsNoTracking() on t.DeskId equals d.Id
                          join c in db.QueueCounters.AsNoTracking() on t.CounterId equals c.Id into cs
                          from c in cs.DefaultIfEmpty()
                          orderby t.IssuedAt
                          select new { t, DeskCode = d.Code, DeskName = d.Name, CounterName = c == null ? null : c.Name, OfficerName = c == null ? null : c.OfficerName })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.t.Id).ToList();
        var links = (await db.QueueTicketDossiers.AsNoTracking().Where(l => ids.Contains(l.TicketId)).ToListAsync(ct))
            .ToLookup(l => l.TicketId);
        return rows.Select(r => new QueueVisitInfo(
            r.t.Id, r.t.UnitId, r.t.UnitPath, r.t.DeskId, r.DeskCode, r.DeskName, r.t.ServiceDate, r.t.DisplayNumber, r.t.Field, r.t.PriorityGroup,
            r.t.Source, r.t.Status, r.t.IssuedAt, r.t.CalledAt, r.t.EndedAt, r.t.WaitSeconds, r.t.ServiceSeconds, r.CounterName, r.OfficerName,
            links[r.t.Id].OrderBy(l => l.LinkedAt).Select(l => new QueueVisitDossier(l.DossierId, l.DossierCode, l.LinkedAt)).ToList())).ToList();
    }
}

internal sealed record LinkDossierRequest(string DossierCode);

internal sealed class LinkDossierRequestValidator : AbstractValidator<LinkDossierRequest>
{
    public LinkDossierRequestValidator()
    {
        RuleFor(r => r.DossierCode).Must(code => !string.IsNullOrWhiteSpace(code) && code.Trim().Length <= 64)
            .WithErrorCode(QueueMessages.VisitsDossierCodeRequired);
    }
}

/// <summary>
/// Gắn phiếu với hồ sơ: the officer records which dossier a visit led to (one visit may lead to several). When
/// Counters' dossier API is composed in, the dossier id is filled at once; otherwise when the dossier's event arrives.
/// </summary>
internal sealed class LinkDossierHandler(QueueDbContext db, TimeProvider clock, IServiceProvider services, QueueVisitReader visits)
{
    public async Task<QueueVisitInfo> HandleAsync(Guid ticketId, LinkDossierRequest request, CancellationToken ct)
    {
        var ticket = await db.QueueTickets.FirstOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new PlatformException(QueueErrorCodes.TicketNotFound, 404);
        var code = request.DossierCode.Trim().ToUpperInvariant();
        if (!await db.QueueTicketDossiers.AnyAsync(l => l.TicketId == ticket.Id && l.DossierCode == code, ct))
        {
            var dossier = services.GetService<ICountersApi>() is { } api ? await api.FindDossierByCodeAsync(code, ct) : null;
            db.QueueTicketDossiers.Add(new TicketDossierLink(ticket, code, dossier?.Id, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }

        return (await visits.FindAsync(ticket.Id, ct))!;
    }
}

/// <summary>
/// A dossier received from a ticket (its snapshot carries the ticket id) is linked to that visit; a link made earlier
/// by code gets the dossier's id. Runs in the inbox of the Counters context, once per event.
/// </summary>
internal sealed class DossierTicketLinker(QueueDbContext db, ICurrentScope scope) : IIntegrationEventHandler<DossierChanged>
{
    public async Task HandleAsync(DossierChanged @event, CancellationToken ct)
    {
        var dossier = @event.Dossier;
        var code = dossier.Code.ToUpperInvariant();
        // The dossier's receiving unit is the desk's unit in practice; read across units anyway and write as the ticket's unit,
        // but only links of units that see the dossier (receiving or resolving unit, or above): a sibling ward that typed
        // this code on its own ticket never gets the dossier attached (issue 19).
        var links = (await db.QueueTicketDossiers.IgnoreQueryFilters([PlatformModelConventions.ScopeFilter])
            .Where(l => l.DossierCode == code && l.DossierId == null).ToListAsync(ct))
            .Where(l => dossier.ReceivingUnitPath.StartsWith(l.UnitPath, StringComparison.Ordinal) || dossier.ResolvingUnitPath.StartsWith(l.UnitPath, StringComparison.Ordinal))
            .ToList();
        var ticket = dossier.TicketId is { } ticketId
            ? await db.QueueTickets.IgnoreQueryFilters([PlatformModelConventions.ScopeFilter]).FirstOrDefaultAsync(t => t.Id == ticketId, ct)
            : null;
        foreach (var group in links.GroupBy(l => l.UnitPath))
        {
            using var _ = scope.Change(new UnitScope(group.First().UnitId, group.Key, ""));
            foreach (var link in group)
            {
                link.DossierId = dossier.Id;
            }

            await db.SaveChangesAsync(ct);
        }

        if (ticket is not null && !await db.QueueTicketDossiers.IgnoreQueryFilters([PlatformModelConventions.ScopeFilter])
                .AnyAsync(l => l.TicketId == ticket.Id && l.DossierCode == code, ct))
        {
            using var _ = scope.Change(new UnitScope(ticket.UnitId, ticket.UnitPath, ""));
            db.QueueTicketDossiers.Add(new TicketDossierLink(ticket, code, dossier.Id, @event.OccurredAt));
            await db.SaveChangesAsync(ct);
        }
    }
}

internal static class VisitEndpoints
{
    public static void Map(IEndpointRouteBuilder queue)
    {
        queue.MapGet("/tickets/{id:guid}", Get).RequirePermission(QueuePermissions.Read)
            .WithSummary("Một lượt phục vụ: phiếu, thời gian chờ và phục vụ, quầy, các hồ sơ đã gắn");
        queue.MapPost("/tickets/{id:guid}/dossiers", Link).RequirePermission(QueuePermissions.Serve)
            .Validate<LinkDossierRequest>()
            .WithSummary("Gắn phiếu với một hồ sơ theo mã hồ sơ");
    }

    private static async Task<Results<Ok<QueueVisitInfo>, ProblemHttpResult>> Get(QueueVisitReader visits, Guid id, CancellationToken ct) =>
        await visits.FindAsync(id, ct) is { } visit
            ? TypedResults.Ok(visit)
            : QueueProblems.NotFound(QueueErrorCodes.TicketNotFound);

    private static async Task<Ok<QueueVisitInfo>> Link(LinkDossierHandler handler, Guid id, LinkDossierRequest request, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(id, request, ct));
}
