using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Infrastructure;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Domain;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Catalogue.LocationIndependence;

/// <summary>
/// Sổ quyết định: records, corrects, ends and removes location-independent decisions, and keeps their signed PDFs. Pages
/// and API both come here; every check that needs the catalogue or the units (the request's shape is the validator's)
/// is made before anything is written, so a refused decision leaves nothing behind.
/// </summary>
internal sealed class DecisionRegistry(CountersDbContext db, IAdministrativeUnitDirectory units, UploadGuard uploads, IBlobStore blobs, TimeProvider clock)
{
    public const long MaxPdfBytes = 20 * 1024 * 1024;

    private static readonly UploadRules PdfRules = new(MaxPdfBytes, [FileTypes.Pdf], CountersErrorCodes.DecisionInvalid);

    public DateOnly Today => VietnamTime.Today(clock);

    public async Task<IReadOnlyList<DecisionDto>> ListAsync(DateOnly? on, bool inForceOnly, CancellationToken ct)
    {
        var day = on ?? Today;
        var query = db.LocationIndependentDecisions.AsNoTracking().Include(d => d.Procedures).Include(d => d.Units).AsSplitQuery();
        if (inForceOnly)
        {
            query = query.Where(d => d.EffectiveFrom <= day && (d.EffectiveTo == null || d.EffectiveTo > day));
        }

        var decisions = await query.OrderByDescending(d => d.EffectiveFrom).ThenBy(d => d.Number).ToListAsync(ct);
        return await ToDtosAsync(decisions, day, ct);
    }

    public async Task<DecisionDto?> GetAsync(Guid id, DateOnly? on, CancellationToken ct)
    {
        var decision = await LoadAsync(id, ct, tracking: false);
        return decision is null ? null : (await ToDtosAsync([decision], on ?? Today, ct))[0];
    }

    public async Task<DecisionDto> CreateAsync(SaveDecisionRequest request, CancellationToken ct)
    {
        var (codes, unitIds) = await CheckAsync(request, null, ct);
        var decision = new LocationIndependentDecision();
        Apply(decision, request, codes, unitIds);
        db.LocationIndependentDecisions.Add(decision);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(decision.Id, null, ct))!;
    }

    public async Task<DecisionDto?> UpdateAsync(Guid id, SaveDecisionRequest request, CancellationToken ct)
    {
        var decision = await LoadAsync(id, ct, tracking: true);
        if (decision is null)
        {
            return null;
        }

        var (codes, unitIds) = await CheckAsync(request, id, ct);
        Apply(decision, request, codes, unitIds);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, null, ct);
    }

    /// <summary>Removes a record entered by mistake (the audit log keeps what it held); a replaced decision is ended instead.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        var decision = await LoadAsync(id, ct, tracking: true);
        if (decision is null)
        {
            return false;
        }

        db.LocationIndependentDecisions.Remove(decision);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<DecisionDto?> AttachSignedPdfAsync(Guid id, string? fileName, Stream content, CancellationToken ct)
    {
        var decision = await LoadAsync(id, ct, tracking: true);
        if (decision is null)
        {
            return null;
        }

        var accepted = await uploads.AcceptAsync(fileName, content, PdfRules, ct);
        (decision.SignedPdfKey, decision.SignedPdfName) = (accepted.Blob.Key, accepted.FileName);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, null, ct);
    }

    public async Task<(Stream Content, string FileName)?> OpenSignedPdfAsync(Guid id, CancellationToken ct)
    {
        var decision = await db.LocationIndependentDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (decision?.SignedPdfKey is not { } key || await blobs.OpenAsync(key, ct) is not { } stream)
        {
            return null;
        }

        return (stream, decision.SignedPdfName ?? decision.Number.Replace('/', '-') + ".pdf");
    }

    private Task<LocationIndependentDecision?> LoadAsync(Guid id, CancellationToken ct, bool tracking)
    {
        var query = db.LocationIndependentDecisions.Include(d => d.Procedures).Include(d => d.Units).AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(d => d.Id == id, ct);
    }

    /// <summary>Every listed code is in the catalogue; every unit exists and is valid when the decision takes effect; the number is not taken.</summary>
    private async Task<(List<string> Codes, List<Guid> UnitIds)> CheckAsync(SaveDecisionRequest request, Guid? id, CancellationToken ct)
    {
        var number = request.Number.Trim();
        if (await db.LocationIndependentDecisions.AnyAsync(d => d.Number == number && d.SignedOn == request.SignedOn && d.Id != id, ct))
        {
            throw new PlatformException(CountersErrorCodes.DecisionInvalid, 409, number) { MessageCode = CountersMessages.DecisionNumberTaken };
        }

        var codes = request.ProcedureCodes!.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(500))
        {
            known.UnionWith(await db.Procedures.Where(p => chunk.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct));
        }

        var unknown = codes.Where(c => !known.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new PlatformException(CountersErrorCodes.DecisionInvalid, 400, string.Join(", ", unknown.Take(5)), unknown.Count)
                { MessageCode = CountersMessages.DecisionProceduresUnknown };
        }

        var unitIds = request.WholeProvince ? [] : request.UnitIds!.Distinct().ToList();
        foreach (var unitId in unitIds)
        {
            if (await units.FindAsync(unitId, ct) is not { } unit || !unit.IsValidOn(request.EffectiveFrom))
            {
                throw new PlatformException(CountersErrorCodes.DecisionInvalid, 400, request.EffectiveFrom) { MessageCode = CountersMessages.DecisionUnitInvalid };
            }
        }

        return (codes, unitIds);
    }

    private static void Apply(LocationIndependentDecision decision, SaveDecisionRequest request, List<string> codes, List<Guid> unitIds)
    {
        decision.Number = request.Number.Trim();
        decision.SignedOn = request.SignedOn;
        decision.Signer = request.Signer.Trim();
        decision.Title = request.Title.Trim();
        decision.EffectiveFrom = request.EffectiveFrom;
        decision.EffectiveTo = request.EffectiveTo;
        decision.SetScope(codes, request.WholeProvince, unitIds);
    }

    private async Task<List<DecisionDto>> ToDtosAsync(IReadOnlyList<LocationIndependentDecision> decisions, DateOnly day, CancellationToken ct)
    {
        var codes = decisions.SelectMany(d => d.Procedures.Select(p => p.ProcedureCode)).Distinct().ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(500))
        {
            foreach (var p in await db.Procedures.AsNoTracking().Where(p => chunk.Contains(p.Code)).Select(p => new { p.Code, p.Name }).ToListAsync(ct))
            {
                names[p.Code] = p.Name;
            }
        }

        var result = new List<DecisionDto>();
        foreach (var d in decisions)
        {
            var unitDtos = new List<DecisionUnitDto>();
            foreach (var u in d.Units)
            {
                unitDtos.Add(new DecisionUnitDto(u.UnitId, (await units.FindAsync(u.UnitId, ct))?.Name ?? "—"));
            }

            result.Add(new DecisionDto(
                d.Id, d.Number, d.SignedOn, d.Signer, d.Title, d.EffectiveFrom, d.EffectiveTo, d.InForceOn(day), d.WholeProvince,
                unitDtos.OrderBy(u => u.Name, StringComparer.Ordinal).ToList(),
                d.Procedures.Select(p => new DecisionProcedureDto(p.ProcedureCode, names.GetValueOrDefault(p.ProcedureCode, ""))).OrderBy(p => p.Code, StringComparer.Ordinal).ToList(),
                d.SignedPdfName));
        }

        return result;
    }
}
