using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Queue.Domain;
using OneStop.Queue.Features.Tickets;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.Domain;
using OneStop.Platform.Calendar;
using OneStop.Platform.Jobs;
using OneStop.Platform.Localization;
using OneStop.Platform.Permissions;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;

namespace OneStop.Queue.Features.Appointments;

internal sealed record SlotDto(DateTimeOffset Start, int Capacity, int Booked, int Available);

internal sealed record SlotsDto(Guid DeskId, DateOnly Date, bool WorkingDay, string? Note, IReadOnlyList<SlotDto> Slots);

internal sealed record BookRequest(string Field, DateTimeOffset SlotStart, string CitizenName, string? Phone);

internal sealed class BookRequestValidator : AbstractValidator<BookRequest>
{
    public BookRequestValidator()
    {
        RuleFor(r => r.Field).Must(field => !string.IsNullOrWhiteSpace(field)).WithErrorCode(QueueMessages.AppointmentsFieldRequired);
        RuleFor(r => r.SlotStart).NotEqual(default(DateTimeOffset)).WithErrorCode(QueueMessages.AppointmentsSlotRequired);
        RuleFor(r => r.CitizenName).Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 256).WithErrorCode(QueueMessages.AppointmentsCitizenNameRequired);
        RuleFor(r => r.Phone).Must(p => p!.Length <= 15 && p.All(c => char.IsAsciiDigit(c) || c is '+' or ' '))
            .When(r => r.Phone is { Length: > 0 }).WithErrorCode(QueueMessages.AppointmentsPhoneInvalid);
    }
}

internal sealed record AppointmentDto(Guid Id, Guid DeskId, string Code, string Field, DateTimeOffset SlotStart, string CitizenName, string Status, Guid? TicketId);

internal sealed record CheckInRequest(string Code, string? PriorityGroup);

internal sealed class CheckInRequestValidator : AbstractValidator<CheckInRequest>
{
    public CheckInRequestValidator()
    {
        RuleFor(r => r.Code).Must(code => !string.IsNullOrWhiteSpace(code) && code.Trim().Length <= 16).WithErrorCode(QueueMessages.AppointmentsCodeRequired);
        RuleFor(r => r.PriorityGroup).PriorityGroup();
    }
}

/// <summary>
/// Đặt lịch hẹn: slots follow the desk unit's office hours on working days of the official calendar, up to 30 days
/// ahead; each slot takes <see cref="QueueDesk.SlotCapacity"/> bookings. Check-in at the kiosk issues a ticket queued at
/// the slot's start, from 30 minutes before it until 15 minutes after; later the booking is released (no-show).
/// </summary>
internal sealed class AppointmentHandler(QueueDbContext db, TimeProvider clock, IssueTicketHandler issue, IWorkingCalendar workingCalendar)
{
    public const int DaysAhead = 30;

    public async Task<SlotsDto> SlotsAsync(Guid deskId, DateOnly date, CancellationToken ct)
    {
        var desk = await QueueDesks.GetAsync(db, deskId, ct);
        var calendar = await workingCalendar.LoadAsync(ct);
        var today = QueueTime.DayOf(clock.GetUtcNow());
        if (date < today || date > today.AddDays(DaysAhead))
        {
            return new SlotsDto(desk.Id, date, false, Messages.Text(QueueMessages.AppointmentsDaysAhead, DaysAhead), []);
        }

        if (!calendar.CoveredYears.Contains(date.Year))
        {
            return new SlotsDto(desk.Id, date, false, Messages.Text(QueueMessages.AppointmentsCalendarNotCovered, date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), []);
        }

        if (!calendar.IsWorkingDay(date))
        {
            return new SlotsDto(desk.Id, date, false, Messages.Text(QueueMessages.AppointmentsDayOff, date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), calendar.WhyNotWorking(date)), []);
        }

        var hours = await workingCalendar.OfficeHoursAsync(desk.UnitId, ct);
        var starts = Starts(hours, desk.SlotMinutes).Select(t => VietnamTime.FromLocal(date.ToDateTime(t))).Where(s => s > clock.GetUtcNow()).ToList();
        var booked = await db.QueueAppointments.AsNoTracking()
            .Where(a => a.DeskId == desk.Id && a.SlotDate == date && a.Status != AppointmentStatuses.NoShow)
            .GroupBy(a => a.SlotStart).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = booked.ToDictionary(b => b.Key.UtcTicks, b => b.Count);
        return new SlotsDto(desk.Id, date, true, null, starts.Select(s =>
        {
            var n = counts.GetValueOrDefault(s.UtcTicks);
            return new SlotDto(VietnamTime.Of(s), desk.SlotCapacity, n, Math.Max(0, desk.SlotCapacity - n));
        }).ToList());
    }

    private static IEnumerable<TimeOnly> Starts(OfficeHours hours, int minutes)
    {
        foreach (var (from, to) in new[] { (hours.MorningStart, hours.MorningEnd), (hours.AfternoonStart, hours.AfternoonEnd) })
        {
            for (var t = from; t.AddMinutes(minutes) <= to && t >= from; t = t.AddMinutes(minutes))
            {
                yield return t;
            }
        }
    }

    public async Task<AppointmentDto> BookAsync(Guid deskId, BookRequest request, CancellationToken ct)
    {
        var desk = await QueueDesks.GetAsync(db, deskId, ct);
        if (!desk.Fields.Contains(request.Field))
        {
            throw new PlatformException(QueueErrorCodes.FieldNotServed, 422, request.Field);
        }

        var date = QueueTime.DayOf(request.SlotStart);
        var slot = (await SlotsAsync(deskId, date, ct)).Slots.FirstOrDefault(s => s.Start == request.SlotStart);
        if (slot is null)
        {
            throw new PlatformException(QueueErrorCodes.SlotUnavailable, 409);
        }

        await using var tx = await QueueLocks.BeginAsync(db, "slots:" + desk.Id, ct);
        // Stored as UTC (PostgreSQL timestamptz takes only offset 0; SQLite compares the stored encoding).
        var start = slot.Start.ToUniversalTime();
        var taken = await db.QueueAppointments.CountAsync(a => a.DeskId == desk.Id && a.SlotStart == start && a.Status != AppointmentStatuses.NoShow, ct);
        if (taken >= desk.SlotCapacity)
        {
            throw new PlatformException(QueueErrorCodes.SlotUnavailable, 409) { MessageCode = QueueMessages.AppointmentsSlotFull };
        }

        string code;
        do
        {
            code = QueuePolicy.NewAppointmentCode();
        }
        while (await db.QueueAppointments.AnyAsync(a => a.DeskId == desk.Id && a.Code == code, ct));

        var appointment = new QueueAppointment(desk, code, request.Field, start, date, request.CitizenName.Trim(), request.Phone?.Trim());
        db.QueueAppointments.Add(appointment);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return From(appointment);
    }

    public async Task<TicketDto> CheckInAsync(Guid deskId, CheckInRequest request, string source, CancellationToken ct)
    {
        var code = request.Code.Trim().ToUpperInvariant();
        var appointment = await db.QueueAppointments.FirstOrDefaultAsync(a => a.DeskId == deskId && a.Code == code, ct)
            ?? throw new PlatformException(QueueErrorCodes.AppointmentNotFound, 404, code);
        var now = clock.GetUtcNow();
        if (appointment.Status != AppointmentStatuses.Booked)
        {
            throw new PlatformException(QueueErrorCodes.CheckInClosed, 422)
            {
                MessageCode = appointment.Status == AppointmentStatuses.CheckedIn ? QueueMessages.AppointmentsAlreadyCheckedIn : null,
            };
        }

        if (now < appointment.SlotStart - QueuePolicy.CheckInOpens)
        {
            throw new PlatformException(QueueErrorCodes.CheckInClosed, 422, QueueTime.Clock(appointment.SlotStart - QueuePolicy.CheckInOpens))
            {
                MessageCode = QueueMessages.AppointmentsCheckInNotYet,
            };
        }

        if (now > appointment.SlotStart + QueuePolicy.CheckInGrace)
        {
            appointment.Release();
            await db.SaveChangesAsync(ct);
            throw new PlatformException(QueueErrorCodes.CheckInClosed, 422);
        }

        return await issue.HandleAsync(deskId, new IssueTicketRequest(appointment.Field, request.PriorityGroup, null), source, ct, appointment);
    }

    /// <summary>Releases bookings not checked in by the end of their grace period; returns how many.</summary>
    public async Task<int> ReleaseNoShowsAsync(CancellationToken ct)
    {
        var limit = clock.GetUtcNow() - QueuePolicy.CheckInGrace;
        // Oldest first, in batches of 500: the next sweep takes the rest.
        var late = await db.QueueAppointments.Where(a => a.Status == AppointmentStatuses.Booked && a.SlotStart < limit)
            .OrderBy(a => a.SlotStart).ThenBy(a => a.Id).Take(500).ToListAsync(ct);
        foreach (var appointment in late)
        {
            appointment.Release();
        }

        await db.SaveChangesAsync(ct);
        return late.Count;
    }

    public static AppointmentDto From(QueueAppointment a) => new(a.Id, a.DeskId, a.Code, a.Field, VietnamTime.Of(a.SlotStart), a.CitizenName, a.Status, a.TicketId);
}

/// <summary>Releases no-show bookings every <c>Queue:NoShowSweepMilliseconds</c> (default a minute), across units.</summary>
internal sealed class NoShowSweeper(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<NoShowSweeper> logger)
    : PollingBackgroundService(configuration, logger, "Queue:NoShowSweepMilliseconds", 60_000)
{
    protected override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentScope>().Change(UnitScope.Unrestricted, null, "queue-no-shows");
        return await scope.ServiceProvider.GetRequiredService<AppointmentHandler>().ReleaseNoShowsAsync(cancellationToken);
    }
}

internal static class AppointmentEndpoints
{
    public static void Map(IEndpointRouteBuilder queue)
    {
        queue.MapGet("/desks/{id:guid}/slots", Slots).RequirePermission(QueuePermissions.Kiosk)
            .WithSummary("Khung giờ hẹn của một ngày, với số chỗ còn trống");
        queue.MapPost("/desks/{id:guid}/appointments", Book).RequirePermission(QueuePermissions.Kiosk)
            .Validate<BookRequest>().WithIdempotency()
            .WithSummary("Đặt lịch hẹn (cổng dịch vụ công, kiosk của bên thứ ba)");
        queue.MapPost("/desks/{id:guid}/check-in", CheckIn).RequirePermission(QueuePermissions.Kiosk)
            .Validate<CheckInRequest>().WithIdempotency()
            .WithSummary("Xác nhận lịch hẹn tại kiosk và cấp số");
    }

    private static async Task<Results<Ok<SlotsDto>, ProblemHttpResult>> Slots(AppointmentHandler handler, Guid id, DateOnly? date, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await handler.SlotsAsync(id, date ?? QueueTime.DayOf(clock.GetUtcNow()), ct));

    private static async Task<Created<AppointmentDto>> Book(AppointmentHandler handler, Guid id, BookRequest request, CancellationToken ct)
    {
        var appointment = await handler.BookAsync(id, request, ct);
        return TypedResults.Created($"/api/v1/queue/desks/{id}/appointments/{appointment.Id}", appointment);
    }

    private static async Task<Created<TicketDto>> CheckIn(AppointmentHandler handler, Guid id, CheckInRequest request, CancellationToken ct)
    {
        var ticket = await handler.CheckInAsync(id, request, QueueTicketSources.Appointment, ct);
        return TypedResults.Created($"/api/v1/queue/tickets/{ticket.Id}", ticket);
    }
}
