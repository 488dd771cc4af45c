using Microsoft.EntityFrameworkCore;
using OneStop.Digitization.Domain;
using OneStop.Digitization.Infrastructure;
using OneStop.Platform;
using OneStop.Platform.Domain;

namespace OneStop.Digitization.Features.Results;

/// <summary>
/// The register of results issued in the caller's scope (a commune sees the results it issued; the province, all), valid
/// on a day: results still on paper first, then the newest; with the share digitised by competent level.
/// </summary>
internal sealed class ResultQueries(DigitizationDbContext db, TimeProvider clock)
{
    public const int DefaultPageSize = 20;

    public async Task<IssuedResultPage> ListAsync(DateOnly? validOn, string? level, bool? digitised, int? page, int? pageSize, CancellationToken ct)
    {
        var day = validOn ?? VietnamTime.Today(clock);
        var end = VietnamTime.StartOfDay(day.AddDays(1));
        var valid = db.Results.AsNoTracking().Where(IssuedResult.ValidOn(day));
        var levels = (await valid.GroupBy(r => r.CompetentLevel)
                .Select(g => new { Level = g.Key, Valid = g.Count(), Digitised = g.Count(r => r.DigitisedAt != null && r.DigitisedAt < end) }).ToListAsync(ct))
            .Select(l => new ResultLevelSummary(l.Level, l.Valid, l.Digitised, l.Valid == 0 ? null : Math.Round(100m * l.Digitised / l.Valid, 2)))
            .OrderBy(l => Array.IndexOf(LevelOrder, l.Level) is var i && i < 0 ? LevelOrder.Length : i).ToList();

        var query = valid;
        if (!string.IsNullOrWhiteSpace(level))
        {
            query = query.Where(r => r.CompetentLevel == level);
        }

        if (digitised is { } wanted)
        {
            query = wanted ? query.Where(r => r.DigitisedAt != null && r.DigitisedAt < end) : query.Where(r => r.DigitisedAt == null || r.DigitisedAt >= end);
        }

        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, 200);
        var total = await query.CountAsync(ct);
        var current = Math.Clamp(page ?? 1, 1, Math.Max(1, (total + size - 1) / size));
        var rows = await query.OrderBy(r => r.DigitisedAt == null ? 0 : 1).ThenByDescending(r => r.IssuedOn).ThenBy(r => r.Id)
            .Skip((current - 1) * size).Take(size).ToListAsync(ct);
        return new(day, levels, rows.Select(IssuedResultDto.From).ToList(), total, current, size);
    }

    private static readonly string[] LevelOrder = [UnitLevels.Province, UnitLevels.District, UnitLevels.Commune];
}
