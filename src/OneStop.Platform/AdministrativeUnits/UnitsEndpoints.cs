using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Platform.Localization;

namespace OneStop.Platform.AdministrativeUnits;

/// <summary>REST endpoints of the kernel under <c>/api/v1/platform</c>: units and agencies in the caller's scope.</summary>
internal static class UnitsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Đơn vị hành chính");
        units.MapGet("/", ListUnits).RequirePermission(PlatformPermissions.UnitsRead)
            .WithSummary("Đơn vị hành chính trong phạm vi (phân trang keyset theo đường dẫn)");
        units.MapGet("/summary", Summary).RequirePermission(PlatformPermissions.UnitsRead)
            .WithSummary("Số đơn vị cấp tỉnh, huyện, xã trong phạm vi");
        units.MapGet("/{id:guid}", GetUnit).RequirePermission(PlatformPermissions.UnitsRead);
        UnitDesignationEndpoints.Map(units);

        var agencies = api.MapGroup("/agencies").WithTags("Cơ quan, bộ phận một cửa");
        agencies.MapGet("/", ListAgencies).RequirePermission(PlatformPermissions.UnitsRead);
        agencies.MapGet("/{id:guid}", GetAgency).RequirePermission(PlatformPermissions.UnitsRead);
        agencies.MapPost("/", CreateAgency).RequirePermission(PlatformPermissions.UnitsManage)
            .Validate<CreateAgencyRequest>().WithIdempotency();
        agencies.MapPut("/{id:guid}", RenameAgency).RequirePermission(PlatformPermissions.UnitsManage)
            .Validate<RenameAgencyRequest>();
    }

    /// <param name="on">Units valid on that day (today by default); <paramref name="all"/> lists retired and future ones too.</param>
    internal static async Task<Ok<KeysetPage<AdministrativeUnitInfo>>> ListUnits(
        PlatformDbContext db, TimeProvider clock, string? level, Guid? parentId, string? cursor, int? pageSize, DateOnly? on, bool? all, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<string>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        var query = db.AdministrativeUnits.AsNoTracking();
        if (all != true)
        {
            query = query.ValidOn(on ?? Domain.VietnamTime.Today(clock));
        }

        if (!string.IsNullOrEmpty(level))
        {
            query = query.Where(u => u.Level == level);
        }

        if (parentId is { } parent)
        {
            query = query.Where(u => u.ParentId == parent);
        }

        if (after is not null)
        {
            query = query.Where(u => string.Compare(u.Path, after) > 0);
        }

        var rows = await query.OrderBy(u => u.Path).Take(size + 1).ToListAsync(ct);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, size, u => u.ToInfo(), r => r.Path));
    }

    internal static async Task<Ok<UnitSummary>> Summary(PlatformDbContext db, ICurrentScope scope, TimeProvider clock, CancellationToken ct)
    {
        var today = Domain.VietnamTime.Today(clock);
        var counts = await db.AdministrativeUnits.AsNoTracking().ValidOn(today).GroupBy(u => u.Level)
            .Select(g => new { Level = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Level, x => x.Count, ct);
        var agencies = await db.Agencies.ValidOn(today).CountAsync(ct);
        return TypedResults.Ok(new UnitSummary(scope.Unit.Name, scope.Unit.Path,
            counts.GetValueOrDefault(UnitLevels.Province), counts.GetValueOrDefault(UnitLevels.District),
            counts.GetValueOrDefault(UnitLevels.Commune), agencies));
    }

    internal static async Task<Results<Ok<AdministrativeUnitInfo>, ProblemHttpResult>> GetUnit(PlatformDbContext db, Guid id, CancellationToken ct) =>
        await db.AdministrativeUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } unit
            ? TypedResults.Ok(unit.ToInfo())
            : NotFound(UnitsMessages.UnitNotFound);

    internal static async Task<Ok<KeysetPage<AgencyDto>>> ListAgencies(PlatformDbContext db, Guid? unitId, string? cursor, int? pageSize, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<string>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        var query = db.Agencies.AsNoTracking();
        if (unitId is { } unit)
        {
            query = query.Where(a => a.UnitId == unit);
        }

        if (after is not null)
        {
            query = query.Where(a => string.Compare(a.Code, after) > 0);
        }

        var rows = await query.OrderBy(a => a.Code).Take(size + 1)
            .Select(a => new AgencyDto(a.Id, a.Code, a.Name, a.Kind, a.UnitId, a.UnitPath)).ToListAsync(ct);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, size, r => r.Code));
    }

    internal static async Task<Results<Ok<AgencyDto>, ProblemHttpResult>> GetAgency(PlatformDbContext db, Guid id, CancellationToken ct) =>
        await db.Agencies.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AgencyDto(a.Id, a.Code, a.Name, a.Kind, a.UnitId, a.UnitPath)).FirstOrDefaultAsync(ct) is { } agency
            ? TypedResults.Ok(agency)
            : NotFound(UnitsMessages.AgencyNotFound);

    internal static async Task<Results<Created<AgencyDto>, ProblemHttpResult>> CreateAgency(
        PlatformDbContext db, ICurrentScope scope, IAdministrativeUnitDirectory directory, CreateAgencyRequest request, CancellationToken ct)
    {
        // Writes go to the acting unit unless a unit inside the scope is named explicitly.
        var unit = await db.AdministrativeUnits.FirstOrDefaultAsync(u => u.Id == (request.UnitId ?? scope.Unit.UnitId), ct);
        if (unit is null)
        {
            return NotFound(UnitsMessages.UnitNotFound);
        }

        if (await db.Agencies.IgnoreQueryFilters().AnyAsync(a => a.Code == request.Code, ct))
        {
            return TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.Conflict, Messages.Text(UnitsMessages.AgencyCodeTaken, request.Code), 409));
        }

        var agency = new Agency(request.Code, request.Name.Trim(), request.Kind, unit);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        (directory as AdministrativeUnitDirectory)?.Invalidate(); // steps of internal processes name it at once (other hosts: within a minute)
        var dto = new AgencyDto(agency.Id, agency.Code, agency.Name, agency.Kind, agency.UnitId, agency.UnitPath);
        return TypedResults.Created($"/api/v1/platform/agencies/{agency.Id}", dto);
    }

    internal static async Task<Results<Ok<AgencyDto>, ProblemHttpResult>> RenameAgency(
        PlatformDbContext db, Guid id, RenameAgencyRequest request, CancellationToken ct)
    {
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null)
        {
            return NotFound(UnitsMessages.AgencyNotFound);
        }

        agency.Rename(request.Name.Trim());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new AgencyDto(agency.Id, agency.Code, agency.Name, agency.Kind, agency.UnitId, agency.UnitPath));
    }

    private static ProblemHttpResult NotFound(string messageCode) =>
        TypedResults.Problem(ProblemDetailsSetup.ToProblemDetails(PlatformErrorCodes.NotFound, Messages.Text(messageCode), 404));
}
