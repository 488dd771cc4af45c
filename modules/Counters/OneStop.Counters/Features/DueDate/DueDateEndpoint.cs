using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Platform.Calendar;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Features.DueDate;

internal sealed record ClockStopDto(string From, string To);

internal sealed record ExtensionDto(decimal Value, string Unit, string Reason);

/// <summary>
/// Tính hạn giải quyết. Times are Vietnam time: "2024-02-08T10:00" without offset is read as UTC+7; with an offset it
/// is converted. Give the legal time directly (value + unit) or a procedure code (+ channel, default DIRECT) whose
/// legal-time version valid on the reception date is used.
/// </summary>
internal sealed record DueDateRequest(
    Guid? UnitId,
    string ReceivedAt,
    decimal? LegalTimeValue,
    string? LegalTimeUnit,
    string? ProcedureCode = null,
    string? Channel = null,
    IReadOnlyList<ClockStopDto>? Stops = null,
    IReadOnlyList<ExtensionDto>? Extensions = null);

internal sealed class DueDateRequestValidator : AbstractValidator<DueDateRequest>
{
    public DueDateRequestValidator()
    {
        RuleFor(r => r.ReceivedAt).Must(at => VietnamTime.TryParse(at, out _)).WithErrorCode(CountersMessages.DueDateReceivedAtInvalid);
        When(r => r.ProcedureCode is null, () =>
        {
            RuleFor(r => r.LegalTimeValue).Must(v => v is > 0 and <= 3650).WithErrorCode(CountersMessages.DueDateLegalTimeInvalid);
            RuleFor(r => r.LegalTimeUnit).Must(u => u is not null && LegalTimeUnits.All.Contains(u))
                .WithErrorCode(CountersMessages.DueDateLegalTimeUnitInvalid);
        }).Otherwise(() =>
            RuleFor(r => r.Channel).Must(c => c is null || Channels.All.Contains(c)).WithErrorCode(CountersMessages.DueDateChannelInvalid));
        RuleFor(r => r.Stops).Must(stops => (stops ?? []).All(stop =>
                VietnamTime.TryParse(stop.From, out var from) && VietnamTime.TryParse(stop.To, out var to) && to > from))
            .WithErrorCode(CountersMessages.DueDateStopsInvalid);
        RuleFor(r => r.Extensions).Must(extensions => (extensions ?? []).All(e =>
                e is not null && e.Value > 0 && LegalTimeUnits.All.Contains(e.Unit) && !string.IsNullOrWhiteSpace(e.Reason)))
            .WithErrorCode(CountersMessages.DueDateExtensionsInvalid);
    }
}

internal sealed record SkippedDayDto(DateOnly Date, string Reason);

internal sealed record DueDateResponse(
    Guid UnitId,
    string UnitName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset StartAt,
    DateTimeOffset DueAt,
    string LegalTime,
    string WorkingTime,
    OfficeHoursDto OfficeHours,
    IReadOnlyList<string> Explanation,
    IReadOnlyList<SkippedDayDto> SkippedDays,
    IReadOnlyList<DateOnly> MakeupDaysCounted);

/// <summary>Loads the calendar, the unit's hours and (optionally) the procedure's legal time, then runs the pure calculator.</summary>
internal sealed class DueDateHandler(PlatformDbContext platform, CountersDbContext db, ICurrentScope scope, IWorkingCalendar workingCalendar)
{
    public async Task<DueDateResponse> HandleAsync(DueDateRequest request, CancellationToken ct)
    {
        var unitId = request.UnitId ?? scope.Unit.UnitId;
        var unit = await platform.AdministrativeUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct)
            ?? throw new PlatformException(PlatformErrorCodes.NotFound, 404) { MessageCode = CountersMessages.DueDateUnitNotFound };
        VietnamTime.TryParse(request.ReceivedAt, out var received);

        LegalTime legalTime;
        if (request.ProcedureCode is { } code)
        {
            var channel = request.Channel ?? Channels.Direct;
            var procedure = await db.Procedures.AsNoTracking().Include(p => p.LegalTimes).FirstOrDefaultAsync(p => p.Code == code, ct)
                ?? throw new PlatformException(CountersErrorCodes.ProcedureNotFound, 404) { MessageCode = CountersMessages.DueDateProcedureNotFound };
            var time = procedure.LegalTimesOn(DateOnly.FromDateTime(received)).FirstOrDefault(t => t.Channel == channel)
                ?? throw new PlatformException(CountersErrorCodes.LegalTimeUnknown, 422, code, Channels.NameVi(channel)) { MessageCode = CountersMessages.DueDateNoLegalTime };
            legalTime = new LegalTime(time.Value, time.Unit);
        }
        else
        {
            legalTime = new LegalTime(request.LegalTimeValue!.Value, request.LegalTimeUnit!);
        }

        var calendar = await workingCalendar.LoadAsync(ct);
        var own = await workingCalendar.OwnOfficeHoursAsync(unit.Id, ct);
        var hours = own ?? OfficeHours.Default;
        var stops = (request.Stops ?? []).Select(s =>
        {
            VietnamTime.TryParse(s.From, out var from);
            VietnamTime.TryParse(s.To, out var to);
            return new ClockStop(from, to);
        }).ToList();
        var extensions = (request.Extensions ?? []).Select(e => new Extension(new LegalTime(e.Value, e.Unit), e.Reason.Trim())).ToList();

        DueDateResult result;
        try
        {
            result = DueDateCalculator.Compute(calendar, hours, new DueDateInput(received, legalTime, stops, extensions));
        }
        catch (ArgumentException e)
        {
            // The calculator's own guards (the validator catches these first); its reason is a Vietnamese record line.
            throw new PlatformException(PlatformErrorCodes.ValidationFailed, 400, e.Message) { MessageCode = CountersMessages.DueDateInputInvalid };
        }

        return new DueDateResponse(
            unit.Id, unit.Name,
            VietnamTime.FromLocal(received),
            VietnamTime.FromLocal(result.StartAt),
            VietnamTime.FromLocal(result.DueAt),
            legalTime.ToString(),
            DueDateCalculator.FormatWorking(result.WorkingTime),
            OfficeHoursDto.From(unit.Id, unit.Name, hours, own is null),
            result.Explanation,
            result.SkippedDays.Select(s => new SkippedDayDto(s.Date, s.Reason)).ToList(),
            result.MakeupDaysCounted);
    }
}

internal static class DueDateEndpoint
{
    public static void Map(RouteGroupBuilder calendar) =>
        calendar.MapPost("/due-date", Compute).RequirePermission(PlatformPermissions.CalendarRead)
            .Validate<DueDateRequest>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Tính hạn giải quyết theo ngày/giờ làm việc, kèm diễn giải cách tính");

    internal static async Task<Ok<DueDateResponse>> Compute(DueDateHandler handler, DueDateRequest request, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(request, ct));
}
