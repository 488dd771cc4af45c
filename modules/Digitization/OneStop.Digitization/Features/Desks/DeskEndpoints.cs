using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Contracts;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Permissions;
using OneStop.Platform.Persistence;
using OneStop.Platform.Web;

namespace OneStop.Digitization.Features.Desks;

internal sealed record DeskDto(Guid AgencyId, string Code, string Name, string Kind, string UnitPath, bool Enabled, DateTimeOffset? EnabledSince);

internal sealed record SwitchDeskRequest(bool Enabled);

/// <summary>
/// The one-stop desks (Bộ phận Một cửa, the provincial service centre) of the scope, from the platform's agencies, and
/// whether each runs the digitisation process — a plan target counts the desks that do.
/// </summary>
internal sealed class DeskService(DigitizationDbContext db, PlatformDbContext platform, TimeProvider clock)
{
    public static readonly string[] DeskKinds = [AgencyKinds.OneStopDesk, AgencyKinds.ServiceCenter];

    public async Task<IReadOnlyList<DeskDto>> ListAsync(CancellationToken ct)
    {
        var agencies = await platform.Agencies.AsNoTracking().Where(a => DeskKinds.Contains(a.Kind)).OrderBy(a => a.UnitPath).ThenBy(a => a.Code).ToListAsync(ct);
        var ids = agencies.Select(a => a.Id).ToList();
        var switches = await db.Desks.AsNoTracking().Where(d => ids.Contains(d.AgencyId)).ToDictionaryAsync(d => d.AgencyId, ct);
        return agencies.Select(a => switches.TryGetValue(a.Id, out var d)
            ? new DeskDto(a.Id, a.Code, a.Name, a.Kind, a.UnitPath, d.Enabled, d.EnabledSince)
            : new DeskDto(a.Id, a.Code, a.Name, a.Kind, a.UnitPath, false, null)).ToList();
    }

    public async Task<DeskDto> SwitchAsync(Guid agencyId, bool enabled, CancellationToken ct)
    {
        // The agency filter is the caller's scope: a sibling commune's desk is "not found".
        var agency = await platform.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId && DeskKinds.Contains(a.Kind), ct)
            ?? throw new PlatformException(DigitizationErrorCodes.DeskNotFound, 404);
        var desk = await db.Desks.FirstOrDefaultAsync(d => d.AgencyId == agencyId, ct);
        if (desk is null)
        {
            desk = new DigitizationDesk(agency.Id, agency.Code, agency.Name, agency.UnitId, agency.UnitPath);
            db.Desks.Add(desk);
        }

        desk.Switch(enabled, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new DeskDto(agency.Id, agency.Code, agency.Name, agency.Kind, agency.UnitPath, desk.Enabled, desk.EnabledSince);
    }
}

internal static class DeskEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/desks", List).RequirePermission(DigitizationPermissions.Access)
            .WithSummary("Bộ phận Một cửa trong phạm vi và trạng thái quy trình số hóa");
        api.MapPut("/desks/{agencyId:guid}", Switch).RequirePermission(DigitizationPermissions.Desks)
            .WithSummary("Bật hoặc tắt quy trình số hóa tại một Bộ phận Một cửa");
    }

    private static async Task<Ok<IReadOnlyList<DeskDto>>> List(DeskService desks, CancellationToken ct) => TypedResults.Ok(await desks.ListAsync(ct));

    private static async Task<Ok<DeskDto>> Switch(DeskService desks, Guid agencyId, SwitchDeskRequest request, CancellationToken ct) =>
        TypedResults.Ok(await desks.SwitchAsync(agencyId, request.Enabled, ct));
}
