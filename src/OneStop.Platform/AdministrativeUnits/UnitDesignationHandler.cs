using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.Web;

namespace OneStop.Platform.AdministrativeUnits;

/// <summary>
/// Marks and unmarks units (xã đặc biệt khó khăn), for the units page and the API alike. Only communes can be
/// especially difficult; two designations of one kind may not overlap. Writes are audited by the kernel's interceptor
/// and stay inside the writer's scope (the designation is scoped to the designated unit).
/// </summary>
public sealed class UnitDesignationHandler(PlatformDbContext db)
{
    public async Task<IReadOnlyList<UnitDesignationInfo>> ListAsync(string kind, CancellationToken ct) =>
        await db.UnitDesignations.AsNoTracking().Where(d => d.Kind == kind).OrderBy(d => d.UnitPath).ThenBy(d => d.ValidFrom)
            .Select(d => new UnitDesignationInfo(d.Id, d.UnitId, d.Kind, d.ValidFrom, d.ValidTo, d.LegalBasis)).ToListAsync(ct);

    public async Task<UnitDesignationInfo> MarkAsync(MarkUnitRequest request, CancellationToken ct)
    {
        // The units query filter keeps the look-up inside the caller's scope.
        var unit = await db.AdministrativeUnits.FirstOrDefaultAsync(u => u.Id == request.UnitId, ct)
            ?? throw new PlatformException(PlatformErrorCodes.NotFound, 404) { MessageCode = UnitsMessages.UnitNotFound };
        if (request.Kind == UnitDesignationKinds.EspeciallyDifficult && unit.Level != UnitLevels.Commune)
        {
            throw new PlatformException(PlatformErrorCodes.ValidationFailed, 422, unit.Name) { MessageCode = UnitsMessages.DesignationCommuneOnly };
        }

        var to = request.ValidTo ?? DateOnly.MaxValue;
        if (await db.UnitDesignations.AnyAsync(d => d.UnitId == unit.Id && d.Kind == request.Kind && d.ValidFrom < to
                && (d.ValidTo == null || d.ValidTo > request.ValidFrom), ct))
        {
            throw new PlatformException(PlatformErrorCodes.Conflict, 409, unit.Name) { MessageCode = UnitsMessages.DesignationOverlaps };
        }

        var designation = new UnitDesignation(unit, request.Kind, request.ValidFrom, request.ValidTo, request.LegalBasis.Trim());
        db.UnitDesignations.Add(designation);
        await db.SaveChangesAsync(ct);
        return Info(designation);
    }

    public async Task<UnitDesignationInfo?> UnmarkAsync(Guid id, UnmarkUnitRequest request, CancellationToken ct)
    {
        var designation = await db.UnitDesignations.FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new PlatformException(PlatformErrorCodes.NotFound, 404) { MessageCode = UnitsMessages.DesignationNotFound };
        if (request.From <= designation.ValidFrom)
        {
            // Never in force: entered by mistake.
            designation.IsDeleted = true;
            await db.SaveChangesAsync(ct);
            return null;
        }

        if (designation.ValidTo is { } to && request.From >= to)
        {
            return Info(designation); // already over by then
        }

        designation.EndOn(request.From);
        await db.SaveChangesAsync(ct);
        return Info(designation);
    }

    private static UnitDesignationInfo Info(UnitDesignation d) => new(d.Id, d.UnitId, d.Kind, d.ValidFrom, d.ValidTo, d.LegalBasis);
}
