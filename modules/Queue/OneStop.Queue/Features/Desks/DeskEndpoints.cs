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

internal sealed record CreateDeskRequest(string Code, string Name, int? PriorityHeadStartMinutes, int? SlotMinutes, int? SlotCapacity, IReadOnlyList<CounterRequest>? Counters)
    : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Code) || Code.Length > 32 || !Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            yield return new(nameof(Code), "Mã điểm phục vụ gồm chữ cái, chữ số, '-' hoặc '_', tối đa 32 ký tự.");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 256)
        {
            yield return new(nameof(Name), "Nhập tên điểm phục vụ (tối đa 256 ký tự).");
        }

        if (PriorityHeadStartMinutes is < 0 or > 240)
        {
            yield return new(nameof(PriorityHeadStartMinutes), "Thời gian ưu tiên từ 0 đến 240 phút.");
        }

        if (SlotMinutes is < 5 or > 240)
        {
            yield return new(nameof(SlotMinutes), "Độ dài khung giờ hẹn từ 5 đến 240 phút.");
        }

        if (SlotCapacity is < 1 or > 100)
        {
            yield return new(nameof(SlotCapacity), "Số lượt hẹn mỗi khung giờ từ 1 đến 100.");
        }

        foreach (var error in (Counters ?? []).SelectMany(CounterErrors))
        {
            yield return error;
        }
    }

    public static IEnumerable<ValidationError> CounterErrors(CounterRequest counter)
    {
        if (string.IsNullOrWhiteSpace(counter.Name) || counter.Name.Length > 128)
        {
            yield return new("Counters", "Nhập tên quầy (tối đa 128 ký tự).");
        }

        if (counter.Fields is null || !counter.Fields.Any(f => !string.IsNullOrWhiteSpace(f)))
        {
            yield return new("Counters", "Mỗi quầy phục vụ ít nhất một lĩnh vực.");
        }
    }
}

internal sealed record SetFieldsRequest(IReadOnlyList<string> Fields) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate()
    {
        if (Fields is null || !Fields.Any(f => !string.IsNullOrWhiteSpace(f)))
        {
            yield return new(nameof(Fields), "Mỗi quầy phục vụ ít nhất một lĩnh vực.");
        }
    }
}

internal sealed record AddCounterRequest(string Name, IReadOnlyList<string> Fields) : IValidatableRequest
{
    public IEnumerable<ValidationError> Validate() => CreateDeskRequest.CounterErrors(new CounterRequest(Name, Fields));
}

/// <summary>Thiết lập điểm phục vụ: a unit leader sets up the desk of the acting unit, its counters and their fields.</summary>
internal sealed class DeskSetupHandler(QueueDbContext db)
{
    public async Task<DeskDto> CreateAsync(CreateDeskRequest request, CancellationToken ct)
    {
        var code = request.Code.Trim().ToUpperInvariant();
        if (await db.QueueDesks.IgnoreQueryFilters().AnyAsync(d => d.Code == code, ct))
        {
            throw new PlatformException(QueueErrorCodes.DeskCodeTaken, $"Mã điểm phục vụ {code} đã được dùng.", 409);
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
            ?? throw new PlatformException(QueueErrorCodes.CounterNotFound, "Không tìm thấy quầy trong phạm vi của bạn.", 404);
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
