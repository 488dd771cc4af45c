using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Counters.Contracts;
using OneStop.Counters.Domain.Catalogue;
using OneStop.Counters.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Domain;
using OneStop.Platform.Localization;
using OneStop.Platform.Web;

namespace OneStop.Counters.Features.Catalogue.DocumentTypes;

/// <summary>
/// Danh mục mã loại giấy tờ: lists, adds, renames, retires and restores the province's document-type codes. Pages and
/// API both come here. A code is never deleted or changed (versions and dossiers keep naming it); retiring only stops
/// new components from naming it from a day on.
/// </summary>
internal sealed class DocumentTypeRegistry(CountersDbContext db, TimeProvider clock)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public DateOnly Today => VietnamTime.Today(clock);

    /// <summary>
    /// Codes ordered by code; <paramref name="q"/> matches code or name, diacritics and case ignored. Without
    /// <paramref name="includeRetired"/> only codes in use today. The list is short (hundreds), so it is filtered in
    /// memory; the procedure counts are read for the page's rows only.
    /// </summary>
    public async Task<PagedResult<DocumentTypeDto>> ListAsync(string? q, bool includeRetired, int page, int pageSize, CancellationToken ct)
    {
        var today = Today;
        var size = Math.Clamp(pageSize <= 0 ? DefaultPageSize : pageSize, 1, MaxPageSize);
        var matched = await MatchAsync(q, includeRetired, today, ct);
        var pageCount = Math.Max(1, (matched.Count + size - 1) / size);
        var number = Math.Clamp(page, 1, pageCount);
        var shown = matched.Skip((number - 1) * size).Take(size).ToList();
        var used = await UsedByProceduresAsync(shown.Select(d => d.Code).ToList(), ct);
        return new PagedResult<DocumentTypeDto>(shown.Select(d => ToDto(d, today, used)).ToList(), matched.Count, number, size);
    }

    /// <summary>Every code the same search matches, unpaged (the Excel export).</summary>
    public async Task<IReadOnlyList<DocumentTypeDto>> ListAllAsync(string? q, bool includeRetired, CancellationToken ct)
    {
        var today = Today;
        var matched = await MatchAsync(q, includeRetired, today, ct);
        var used = await UsedByProceduresAsync(matched.Select(d => d.Code).ToList(), ct);
        return matched.Select(d => ToDto(d, today, used)).ToList();
    }

    /// <summary>The codes new components may name on <paramref name="date"/>, in Vietnamese order of name (the editor's pickers).</summary>
    public async Task<IReadOnlyList<DocumentType>> InUseOnAsync(DateOnly date, CancellationToken ct)
    {
        var rows = await db.DocumentTypes.AsNoTracking().Where(d => d.RetiredFrom == null || d.RetiredFrom > date).ToListAsync(ct);
        return rows.OrderBy(d => d.Name, Vietnamese.Order).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<DocumentTypeDto> AddAsync(AddDocumentTypeRequest r, CancellationToken ct)
    {
        var code = AddDocumentTypeRequest.Normalize(r.Code);
        if (await db.DocumentTypes.AnyAsync(d => d.Code.ToUpper() == code, ct))
        {
            throw new PlatformException(CountersErrorCodes.DocumentTypeCodeTaken, 409, code);
        }

        var type = new DocumentType { Code = code, Name = r.Name.Trim() };
        db.DocumentTypes.Add(type);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(type).State = EntityState.Detached;
            if (await db.DocumentTypes.AsNoTracking().AnyAsync(d => d.Code == code, ct))
            {
                throw new PlatformException(CountersErrorCodes.DocumentTypeCodeTaken, 409, code); // added meanwhile by someone else
            }

            throw;
        }

        return await ToDtoAsync(type, ct);
    }

    public async Task<DocumentTypeDto> RenameAsync(string code, RenameDocumentTypeRequest r, CancellationToken ct)
    {
        var type = await LoadAsync(code, ct);
        type.Name = r.Name.Trim();
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(type, ct);
    }

    /// <summary>Stops the code from <c>RetiredFrom</c> (today by default); a code already retired is refused (409).</summary>
    public async Task<DocumentTypeDto> RetireAsync(string code, RetireDocumentTypeRequest r, CancellationToken ct)
    {
        var type = await LoadAsync(code, ct);
        if (type.RetiredFrom is { } retired)
        {
            throw new PlatformException(CountersErrorCodes.DocumentTypeRetired, 409, type.Code, retired.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        }

        type.RetiredFrom = r.RetiredFrom ?? Today;
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(type, ct);
    }

    /// <summary>Puts a retired code back in use; a code in use is left as it is.</summary>
    public async Task<DocumentTypeDto> RestoreAsync(string code, CancellationToken ct)
    {
        var type = await LoadAsync(code, ct);
        if (type.RetiredFrom is not null)
        {
            type.RetiredFrom = null;
            await db.SaveChangesAsync(ct);
        }

        return await ToDtoAsync(type, ct);
    }

    private async Task<List<DocumentType>> MatchAsync(string? q, bool includeRetired, DateOnly today, CancellationToken ct)
    {
        IEnumerable<DocumentType> rows = await db.DocumentTypes.AsNoTracking().ToListAsync(ct);
        if (!includeRetired)
        {
            rows = rows.Where(d => d.IsInUseOn(today));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var folded = VietnameseText.Fold(q.Trim());
            rows = rows.Where(d => VietnameseText.Fold(d.Code).Contains(folded, StringComparison.Ordinal) || VietnameseText.Fold(d.Name).Contains(folded, StringComparison.Ordinal));
        }

        return rows.OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
    }

    private async Task<DocumentType> LoadAsync(string code, CancellationToken ct)
    {
        var normalized = AddDocumentTypeRequest.Normalize(code);
        return await db.DocumentTypes.FirstOrDefaultAsync(d => d.Code.ToUpper() == normalized, ct)
            ?? throw new PlatformException(CountersErrorCodes.DocumentTypeNotFound, 404, normalized);
    }

    private async Task<DocumentTypeDto> ToDtoAsync(DocumentType type, CancellationToken ct) =>
        ToDto(type, Today, await UsedByProceduresAsync([type.Code], ct));

    private static DocumentTypeDto ToDto(DocumentType d, DateOnly today, IReadOnlyDictionary<string, int> used) =>
        new(d.Code, d.Name, d.RetiredFrom, d.IsInUseOn(today), used.GetValueOrDefault(d.Code));

    /// <summary>Per code, the distinct procedures whose latest version (highest number) has a component naming it; one query.</summary>
    private async Task<IReadOnlyDictionary<string, int>> UsedByProceduresAsync(List<string> codes, CancellationToken ct)
    {
        if (codes.Count == 0)
        {
            return new Dictionary<string, int>();
        }

        var latest = db.ProcedureVersions.Where(v => v.Number == db.ProcedureVersions.Where(w => w.ProcedureId == v.ProcedureId).Max(w => w.Number));
        var counts = await db.ProcedureVersionComponents.AsNoTracking()
            .Where(c => codes.Contains(c.DocumentTypeCode))
            .Join(latest, c => c.ProcedureVersionId, v => v.Id, (c, v) => new { c.DocumentTypeCode, v.ProcedureId })
            .Distinct()
            .GroupBy(x => x.DocumentTypeCode)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return counts.ToDictionary(x => x.Code, x => x.Count, StringComparer.Ordinal);
    }
}
