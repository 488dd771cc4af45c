using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
using OneStop.Platform.Persistence;
using OneStop.Training.Contracts;
using OneStop.Training.Infrastructure;

namespace OneStop.Training.Features;

/// <summary>
/// <see cref="ITrainingApi"/>: read-only answers for other modules, plus the figures of the module's own <c>GET /kpi</c>.
/// They ask about the whole province (a gate on a specialist, the figures of a unit path), so the unit filter is lifted
/// and the path given is applied instead. Whether the
/// training gate applies is the asking module's setting (Counters: <c>Counters:TrainingGate:Enabled</c>).
/// </summary>
internal sealed class TrainingApi(TrainingDbContext db, PlatformDbContext platform) : ITrainingApi
{
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    public async Task<bool> HasValidTrainingAsync(Guid userId, string procedureField, DateOnly date, CancellationToken ct = default)
    {
        // Courses name the field by its slug ("ho-tich"); the catalogue and dossiers by its name ("Hộ tịch"): compare slugs.
        var field = FieldSlug(procedureField);
        if (field.Length == 0)
        {
            return false;
        }

        var fields = await (from p in db.Participants.IgnoreQueryFilters(Scope)
                            join c in db.Classes.IgnoreQueryFilters(Scope) on p.ClassId equals c.Id
                            join course in db.Courses on c.CourseId equals course.Id
                            where p.UserId == userId && !p.IsDeleted && p.Result == "passed" && course.ProcedureField != null
                                  && p.CertifiedOn <= date && p.ValidUntil >= date
                            select course.ProcedureField!).Distinct().ToListAsync(ct);
        return fields.Any(f => FieldSlug(f) == field);
    }

    /// <summary>"Hộ tịch" → "ho-tich": lower case, no diacritics (đ → d), words joined by hyphens.</summary>
    public static string FieldSlug(string? field)
    {
        var decomposed = (field ?? "").Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                slug.Append(ch);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    /// <summary>Classes held (finished) in a year, organised inside the unit path.</summary>
    public Task<int> ClassesHeldAsync(int year, string unitPath, CancellationToken ct = default) =>
        db.Classes.IgnoreQueryFilters(Scope).CountAsync(c => !c.IsDeleted && c.EndsOn.Year == year && c.UnitPath.StartsWith(unitPath), ct);

    /// <summary>Desk officers under the unit path and how many passed a class in the year.</summary>
    public async Task<TrainedShare> DeskStaffTrainedAsync(int year, string unitPath, CancellationToken ct = default)
    {
        var deskStaff = await (from m in platform.UnitMemberships.IgnoreQueryFilters()
                               where m.Roles.Contains(Roles.DeskOfficer) && m.UnitPath.StartsWith(unitPath)
                               select m.UserId).Distinct().ToListAsync(ct);
        var trained = await (from p in db.Participants.IgnoreQueryFilters(Scope)
                             join c in db.Classes.IgnoreQueryFilters(Scope) on p.ClassId equals c.Id
                             where !p.IsDeleted && p.Result == "passed" && c.EndsOn.Year == year && deskStaff.Contains(p.UserId)
                             select p.UserId).Distinct().CountAsync(ct);
        return new TrainedShare(deskStaff.Count, trained);
    }
}
