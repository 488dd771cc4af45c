using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using K = OneStop.Platform.AdministrativeUnits.Reorganisations.ReorganisationOperationKinds;
using OneStop.Platform.Localization;

namespace OneStop.Platform.AdministrativeUnits.Reorganisations;

/// <summary>
/// Turns what an admin asks — a file, or one operation on one unit or agency — into a change set, for the pages and the
/// API alike. Only a province-wide administrator changes the tree: a merger moves data between communes, so it is
/// decided above them.
/// </summary>
public sealed class UnitChanges(PlatformDbContext db, ICurrentScope scope, IAdministrativeUnitDirectory units, TimeProvider clock)
{
    public async Task EnsureProvinceWideAsync(CancellationToken ct)
    {
        var acting = await units.FindAsync(scope.Unit.UnitId, ct);
        if (scope.Unit != UnitScope.Unrestricted && acting?.ParentId is not null)
        {
            throw new PlatformException(PlatformErrorCodes.Forbidden, 403) { MessageCode = UnitsMessages.ProvinceWideOnly };
        }
    }

    /// <summary>Reads an uploaded change set; problems in the file come back as the preview's problems.</summary>
    public async Task<(ReorganisationPlan? Plan, IReadOnlyList<ReorganisationProblem> Problems)> ReadAsync(
        Stream content, string fileName, string? title, string? legalBasis, DateOnly? effectiveOn, CancellationToken ct)
    {
        await EnsureProvinceWideAsync(ct);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length == 0 || buffer.Length > ReorganisationFile.MaxBytes)
        {
            return (null, [new(0, Messages.Text(UnitsMessages.FileEmptyOrTooLarge, ReorganisationFile.MaxBytes / 1024 / 1024))]);
        }

        string text;
        try
        {
            text = ReorganisationFile.Decode(buffer.ToArray());
        }
        catch (System.Text.DecoderFallbackException)
        {
            return (null, [new(0, Messages.Text(UnitsMessages.FileNotUtf8))]);
        }

        var all = await units.AllAsync(ct);
        return ReorganisationFile.Read(text, fileName, title, legalBasis, effectiveOn, day => all.Where(u => u.IsValidOn(day)).ToList());
    }

    public async Task<ReorganisationPlan> CreateUnitAsync(CreateUnitRequest request, CancellationToken ct)
    {
        await EnsureProvinceWideAsync(ct);
        var parent = request.ParentId is { } id ? await UnitAsync(id, ct) : null;
        var desk = string.IsNullOrWhiteSpace(request.DeskName) ? DefaultDeskName(request.Name!, request.EffectiveOn!.Value) : request.DeskName.Trim();
        return One($"Thành lập {request.Name!.Trim()}", request.EffectiveOn!.Value,
            new(K.CreateUnit, request.Code!.Trim(), request.Name.Trim(), request.Level, ReorganisationFile.KindOf(request.Name), parent?.Code, DeskName: desk));
    }

    public async Task<ReorganisationPlan> RenameUnitAsync(Guid unitId, RenameUnitRequest request, CancellationToken ct)
    {
        await EnsureProvinceWideAsync(ct);
        var unit = await UnitAsync(unitId, ct);
        return One($"Đổi tên {unit.Name} thành {request.Name!.Trim()}", request.EffectiveOn!.Value,
            new(K.RenameUnit, unit.Code, request.Name.Trim(), UnitKind: ReorganisationFile.KindOf(request.Name)));
    }

    public async Task<ReorganisationPlan> RetireUnitAsync(Guid unitId, RetireUnitRequest request, CancellationToken ct)
    {
        await EnsureProvinceWideAsync(ct);
        var unit = await UnitAsync(unitId, ct);
        var successors = new List<string>();
        foreach (var id in request.SuccessorIds!)
        {
            successors.Add((await UnitAsync(id, ct)).Code);
        }

        var what = successors.Count > 1 ? "Chia tách" : "Sáp nhập";
        return One($"{what} {unit.Name}", request.EffectiveOn!.Value, new(K.RetireUnit, unit.Code, Successors: successors, Note: request.Note));
    }

    public async Task<ReorganisationPlan> RetireAgencyAsync(Guid agencyId, RetireAgencyRequest request, CancellationToken ct)
    {
        await EnsureProvinceWideAsync(ct);
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct)
            ?? throw new PlatformException(PlatformErrorCodes.NotFound, 404) { MessageCode = UnitsMessages.AgencyNotFound };
        string[] successor = [];
        if (request.SuccessorId is { } id)
        {
            successor = [(await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct)
                ?? throw new PlatformException(PlatformErrorCodes.NotFound, 404) { MessageCode = UnitsMessages.SuccessorAgencyNotFound }).Code];
        }

        return One((successor.Length > 0 ? "Hợp nhất " : "Giải thể ") + agency.Name, request.EffectiveOn!.Value,
            new(K.RetireAgency, agency.Code, Successors: successor));
    }

    /// <summary>Đổi tên cơ quan on a date (the code stays: dossier codes keep meaning the same agency).</summary>
    public async Task<ReorganisationPlan> RenameAgencyAsync(Guid agencyId, string? name, DateOnly? effectiveOn, CancellationToken ct)
    {
        await EnsureProvinceWideAsync(ct);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 256 || effectiveOn is not { Year: >= 2000 and <= 2100 } on)
        {
            throw new PlatformException(PlatformErrorCodes.ValidationFailed) { MessageCode = UnitsMessages.AgencyRenameInvalid };
        }

        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct)
            ?? throw new PlatformException(PlatformErrorCodes.NotFound, 404) { MessageCode = UnitsMessages.AgencyNotFound };
        return One($"Đổi tên {agency.Name} thành {name.Trim()}", on, new(K.RenameAgency, agency.Code, name.Trim()));
    }

    /// <summary>The desk a new unit gets: a service centre from 2025-07-01 (Decree 118/2025), a one-stop desk before.</summary>
    public static string DefaultDeskName(string unitName, DateOnly on) =>
        (on >= Reorganiser.ServiceCentresFrom ? "Trung tâm Phục vụ hành chính công " : "Bộ phận Một cửa ")
        + (unitName.Length > 0 ? char.ToLowerInvariant(unitName[0]) + unitName[1..] : unitName);

    private async Task<AdministrativeUnitInfo> UnitAsync(Guid id, CancellationToken ct) =>
        await units.FindAsync(id, ct) is { } unit && scope.Unit.Contains(unit.Path)
            ? unit
            : throw new PlatformException(PlatformErrorCodes.NotFound, 404) { MessageCode = UnitsMessages.UnitNotFound };

    private ReorganisationPlan One(string title, DateOnly on, ReorganisationOperation op) =>
        new(title + $" (từ {on:dd/MM/yyyy})", $"Thao tác của quản trị viên ngày {Domain.VietnamTime.Today(clock):dd/MM/yyyy}", on, [op with { Line = 0 }]);
}
