using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Queue.Contracts;
using OneStop.Queue.Domain;
using OneStop.Queue.Infrastructure;
using OneStop.Platform.Permissions;
using OneStop.Platform.Web;

namespace OneStop.Queue.Features.Desks;

internal sealed record CounterDto(Guid Id, int Number, string Name, IReadOnlyList<string> Fields, string? OfficerName, Guid? CurrentTicketId);

internal sealed record DeskDto(
    Guid Id, string Code, string Name, Guid UnitId, int PriorityHeadStartMinutes, int SlotMinutes, int SlotCapacity,
    IReadOnlyList<string> Fields, IReadOnlyList<CounterDto> Counters)
{
    public static DeskDto From(QueueDesk d) => new(d.Id, d.Code, d.Name, d.UnitId, d.PriorityHeadStartMinutes, d.SlotMinutes, d.SlotCapacity, d.Fields,
        d.Counters.OrderBy(c => c.Number).Select(c => new CounterDto(c.Id, c.Number, c.Name, c.Fields, c.OfficerName, c.CurrentTicketId)).ToList());
}

internal sealed record CounterRequest(string Name, IReadOnlyList<string> Fields);

internal sealed record CreateDeskRequest(string Code, string Name, int? PriorityHeadStartMinutes, int? SlotMinutes, int? SlotCapacity, IReadOnlyList<CounterRequest>? Counters);

internal sealed class CreateDeskRequestValidator : AbstractValidator<CreateDeskRequest>
{
    public CreateDeskRequestValidator()
    {
        RuleFor(r => r.Code).Must(code => !string.IsNullOrWhiteSpace(code) && code.Length <= 32 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            .WithErrorCode(QueueMessages.DesksCodeInvalid);
        RuleFor(r => r.Name).Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 256).WithErrorCode(QueueMessages.DesksNameRequired);
        RuleFor(r => r.PriorityHeadStartMinutes).InclusiveBetween(0, 240).WithErrorCode(QueueMessages.DesksPriorityHeadStartOutOfRange);
        RuleFor(r => r.SlotMinutes).InclusiveBetween(5, 240).WithErrorCode(QueueMessages.DesksSlotMinutesOutOfRange);
        RuleFor(r => r.SlotCapacity).InclusiveBetween(1, 100).WithErrorCode(QueueMessages.DesksSlotCapacityOutOfRange);
        RuleForEach(r => r.Counters).ChildRules(counter =>
        {
            counter.RuleFor(c => c.Name).CounterName();
            counter.RuleFor(c => c.Fields).CounterFields();
        }).OverridePropertyName("Counters");
    }
}

internal sealed class SetFieldsRequestValidator : AbstractValidator<SetFieldsRequest>
{
    public SetFieldsRequestValidator() => RuleFor(r => r.Fields).CounterFields();
}

internal sealed class AddCounterRequestValidator : AbstractValidator<AddCounterRequest>
{
    public AddCounterRequestValidator()
    {
        RuleFor(r => r.Name).CounterName();
        RuleFor(r => r.Fields).CounterFields();
    }
}

/// <summary>The rules a counter's name and fields share wherever a counter is set up.</summary>
internal static class CounterRules
{
    public static IRuleBuilderOptions<T, string> CounterName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 128).WithErrorCode(QueueMessages.DesksCounterNameRequired);

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> CounterFields<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.Must(fields => fields is not null && fields.Any(f => !string.IsNullOrWhiteSpace(f))).WithErrorCode(QueueMessages.DesksCounterFieldsRequired);
}

internal sealed record SetFieldsRequest(IReadOnlyList<string> Fields);

internal sealed record AddCounterRequest(string Name, IReadOnlyList<string> Fields);

/// <summary>Thiết lập điểm phục vụ: a unit leader sets up the desk of the acting unit, its counters and their fields.</summary>
internal sealed class DeskSetupHandler(QueueDbContext db)
{
    public async Task<DeskDto> CreateAsync(CreateDeskRequest request, CancellationToken ct)
    {
        var code = request.Code.Trim().ToUpperInvariant();
        if (await db.QueueDesks.IgnoreQueryFilters().AnyAsync(d => d.Code == code, ct))
        {
            throw new PlatformException(QueueErrorCodes.DeskCodeTaken, 409, code);
        }

        var desk = new QueueDesk(code, request.Name.Trim())
        {
            PriorityHeadStartMinutes = request.PriorityHeadStartMinutes ?? QueuePolicy.DefaultHeadStartMinutes,
            SlotMinutes = request.SlotMinutes ?? 30,
            SlotCapacity = request.SlotCapacity ?? 4,
        };
        db.QueueDesks.Add(desk);
        // The desk's unit is stamped on save; counters need it, so save the desk first.
        await db.SaveChangesAsync(ct);
        var number = 0;
        foreach (var counter in request.Counters ?? [])
        {
            // Added explicitly: ids are made in the application, so EF would take a counter found through the navigation for an existing row.
            db.QueueCounters.Add(new QueueCounter(desk, ++number, counter.Name.Trim(), counter.Fields));
        }

        await db.SaveChangesAsync(ct);
        return DeskDto.From(desk);
    }

    public async Task<DeskDto> AddCounterAsync(Guid deskId, AddCounterRequest request, CancellationToken ct)
    {
        var desk = await QueueDesks.GetAsync(db, deskId, ct);
        db.QueueCounters.Add(new QueueCounter(desk, desk.Counters.Select(c => c.Number).DefaultIfEmpty().Max() + 1, request.Name.Trim(), request.Fields));
        await db.SaveChangesAsync(ct);
        return DeskDto.From(desk);
    }

    public async Task<DeskDto> SetFieldsAsync(Guid counterId, IReadOnlyList<string> fields, CancellationToken ct)
    {
        var counter = await db.QueueCounters.FirstOrDefaultAsync(c => c.Id == counterId, ct)
            ?? throw new PlatformException(QueueErrorCodes.CounterNotFound, 404);
        counter.SetFields(fields);
        await db.SaveChangesAsync(ct);
        return DeskDto.From(await QueueDesks.GetAsync(db, counter.DeskId, ct));
    }

    public async Task<IReadOnlyList<DeskDto>> ListAsync(CancellationToken ct) =>
        (await db.QueueDesks.AsNoTracking().Include(d => d.Counters).OrderBy(d => d.UnitPath).ThenBy(d => d.Code).ToListAsync(ct)).Select(DeskDto.From).ToList();
}

internal static class DeskEndpoints
{
    public static void Map(IEndpointRouteBuilder queue)
    {
        queue.MapGet("/desks", List).RequirePermission(QueuePermissions.Read)
            .WithSummary("Điểm phục vụ trong phạm vi, với các quầy và lĩnh vực");
        queue.MapPost("/desks", Create).RequirePermission(QueuePermissions.Manage)
            .Validate<CreateDeskRequest>().WithIdempotency()
            .WithSummary("Tạo điểm phục vụ của đơn vị đang làm việc");
        queue.MapPost("/desks/{id:guid}/counters", AddCounter).RequirePermission(QueuePermissions.Manage)
            .Validate<AddCounterRequest>().WithIdempotency()
            .WithSummary("Thêm quầy vào điểm phục vụ");
        queue.MapPut("/counters/{id:guid}/fields", SetFields).RequirePermission(QueuePermissions.Manage)
            .Validate<SetFieldsRequest>()
            .WithSummary("Đặt các lĩnh vực một quầy phục vụ");
    }

    private static async Task<Ok<IReadOnlyList<DeskDto>>> List(DeskSetupHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListAsync(ct));

    private static async Task<Created<DeskDto>> Create(DeskSetupHandler handler, CreateDeskRequest request, CancellationToken ct)
    {
        var desk = await handler.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/queue/desks/{desk.Id}", desk);
    }

    private static async Task<Created<DeskDto>> AddCounter(DeskSetupHandler handler, Guid id, AddCounterRequest request, CancellationToken ct)
    {
        var desk = await handler.AddCounterAsync(id, request, ct);
        return TypedResults.Created($"/api/v1/queue/desks/{desk.Id}", desk);
    }

    private static async Task<Ok<DeskDto>> SetFields(DeskSetupHandler handler, Guid id, SetFieldsRequest request, CancellationToken ct) =>
        TypedResults.Ok(await handler.SetFieldsAsync(id, request.Fields, ct));
}
