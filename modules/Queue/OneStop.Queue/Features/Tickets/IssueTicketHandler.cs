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
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Queue.Features.Tickets;

/// <summary>
/// Lấy số: a field chosen, or a dossier code scanned (the citizen comes back for a result or a supplement; the ticket is
/// linked to the dossier at once). <c>priorityGroup</c> is one of <see cref="QueuePriorityGroups"/> or empty.
/// </summary>
internal sealed record IssueTicketRequest(string? Field, string? PriorityGroup, string? DossierCode);

internal sealed class IssueTicketRequestValidator : AbstractValidator<IssueTicketRequest>
{
    public IssueTicketRequestValidator()
    {
        RuleFor(r => r.Field).Must((r, field) => !string.IsNullOrWhiteSpace(field) || !string.IsNullOrWhiteSpace(r.DossierCode))
            .WithErrorCode(QueueMessages.TicketsFieldOrDossierRequired);
        RuleFor(r => r.PriorityGroup).PriorityGroup();
        RuleFor(r => r.DossierCode).MaximumLength(64).WithErrorCode(QueueMessages.TicketsDossierCodeTooLong);
    }
}

/// <summary>Rules shared by the kiosk's requests.</summary>
internal static class TicketRules
{
    /// <summary>Empty, or one of <see cref="QueuePriorityGroups"/>.</summary>
    public static IRuleBuilderOptions<T, string?> PriorityGroup<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(group => string.IsNullOrEmpty(group) || QueuePriorityGroups.All.Contains(group)).WithErrorCode(QueueMessages.TicketsPriorityGroupInvalid);
}

internal static class QueueFields
{
    /// <summary>Pseudo-field of counters that hand results back (trả kết quả); a scanned dossier code goes there when its own field is not served.</summary>
    public const string ResultReturn = "Trả kết quả";
}

internal sealed class IssueTicketHandler(QueueDbContext db, TimeProvider clock, ICurrentScope scope, BoardSignals signals, IServiceProvider services)
{
    public async Task<TicketDto> HandleAsync(Guid deskId, IssueTicketRequest request, string source, CancellationToken ct, QueueAppointment? appointment = null)
    {
        var desk = await QueueDesks.GetAsync(db, deskId, ct);
        var dossierCode = string.IsNullOrWhiteSpace(request.DossierCode) ? null : request.DossierCode.Trim().ToUpperInvariant();
        var (field, dossierId) = await FieldAsync(desk, request.Field?.Trim(), dossierCode, ct);
        var priority = string.IsNullOrEmpty(request.PriorityGroup) ? null : request.PriorityGroup;

        await using var tx = await QueueLocks.BeginAsync(db, "desk:" + desk.Id, ct);
        var now = clock.GetUtcNow();
        var day = QueueTime.DayOf(now);
        var number = (await db.QueueTickets.Where(t => t.DeskId == desk.Id && t.ServiceDate == day).MaxAsync(t => (int?)t.Number, ct) ?? 0) + 1;
        var ticket = new QueueTicket(desk, day, number, field, priority, source, now,
            QueuePolicy.QueueKey(now, priority is not null, desk.PriorityHeadStartMinutes, appointment?.SlotStart));
        db.QueueTickets.Add(ticket);
        db.QueueEvents.Add(new QueueEvent(ticket, QueueEventKinds.Issued, now, null, scope.ActorName));
        if (dossierCode is not null)
        {
            db.QueueTicketDossiers.Add(new TicketDossierLink(ticket, dossierCode, dossierId, now));
        }

        if (appointment is not null)
        {
            ticket.AppointmentId = appointment.Id;
            appointment.CheckIn(ticket, now);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signals.Pulse(desk.Id);
        var ahead = await db.QueueTickets.CountAsync(t => t.DeskId == desk.Id && t.ServiceDate == day && t.Status == QueueTicketStatuses.Waiting
            && t.Field == field && t.TransferredToCounterId == null && (t.QueueKey < ticket.QueueKey || (t.QueueKey == ticket.QueueKey && t.Number < ticket.Number)), ct);
        return TicketDto.From(ticket, ahead);
    }

    /// <summary>The chosen field, or for a dossier code its procedure's field (when Counters knows the dossier and a counter serves it), else result return.</summary>
    private async Task<(string Field, Guid? DossierId)> FieldAsync(QueueDesk desk, string? field, string? dossierCode, CancellationToken ct)
    {
        var served = desk.Fields;
        if (dossierCode is null)
        {
            return served.Contains(field!)
                ? (field!, null)
                : throw new PlatformException(QueueErrorCodes.FieldNotServed, 422, field);
        }

        // The dossier lifecycle may not be composed in (the API is optional here): then the code is kept as given.
        var dossier = services.GetService<ICountersApi>() is { } api ? await api.FindDossierByCodeAsync(dossierCode, ct) : null;
        var candidate = !string.IsNullOrEmpty(field) ? field : dossier?.ProcedureField;
        if (candidate is not null && served.Contains(candidate))
        {
            return (candidate, dossier?.Id);
        }

        return served.Contains(QueueFields.ResultReturn)
            ? (QueueFields.ResultReturn, dossier?.Id)
            : throw new PlatformException(QueueErrorCodes.FieldNotServed, 422) { MessageCode = QueueMessages.TicketsNoResultReturnCounter };
    }
}

internal static class IssueTicketEndpoint
{
    public static void Map(IEndpointRouteBuilder queue) =>
        queue.MapPost("/desks/{id:guid}/tickets", Issue).RequirePermission(QueuePermissions.Kiosk)
            .Validate<IssueTicketRequest>().WithIdempotency()
            .WithSummary("Cấp số thứ tự (kiosk của bên thứ ba, hoặc cán bộ cấp số cho công dân)");

    private static async Task<Created<TicketDto>> Issue(IssueTicketHandler handler, ICurrentScope scope, HttpContext http, Guid id, IssueTicketRequest request, CancellationToken ct)
    {
        // People issuing at the desk are officers; systems with a token are third-party kiosks.
        var source = http.User.HasClaim(c => c.Type == "oi_scp") ? QueueTicketSources.Api : QueueTicketSources.Officer;
        var ticket = await handler.HandleAsync(id, request, source, ct);
        return TypedResults.Created($"/api/v1/queue/tickets/{ticket.Id}", ticket);
    }
}
