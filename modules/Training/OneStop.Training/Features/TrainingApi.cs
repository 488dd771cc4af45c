using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OneStop.Platform;
using OneStop.Platform.Persistence;
using OneStop.Training.Contracts;
using OneStop.Training.Infrastructure;

namespace OneStop.Training.Features;

/// <summary>
/// <see cref="ITrainingApi"/>: read-only answers for other modules. They ask about the whole province (a gate on a
/// specialist, a KPI of a unit path), so the unit filter is lifted and the path given is applied instead.
/// </summary>
internal sealed class TrainingApi(TrainingDbContext db, PlatformDbContext platform, IConfiguration configuration) : ITrainingApi
{
    public const string GateSetting = "Training:RequireTrainingForAssignment";
    private static readonly string[] Scope = [PlatformModelConventions.ScopeFilter];

    public async Task<bool> HasValidTrainingAsync(Guid userId, string procedureField, DateOnly date, CancellationToken ct = default)
    {
        if (!configuration.GetValue(GateSetting, false))
        {
            return true;
        }

        return await (from p in db.Participants.IgnoreQueryFilters(Scope)
                      join c in db.Classes.IgnoreQueryFilters(Scope) on p.ClassId equals c.Id
                      join course in db.Courses on c.CourseId equals course.Id
                      where p.UserId == userId && !p.IsDeleted && p.Result == "passed" && course.ProcedureField == procedureField
                            && p.CertifiedOn <= date && p.ValidUntil >= date
                      select p.Id).AnyAsync(ct);
    }

    public Task<int> ClassesHeldAsync(int year, string unitPath, CancellationToken ct = default) =>
        db.Classes.IgnoreQueryFilters(Scope).CountAsync(c => !c.IsDeleted && c.EndsOn.Year == year && c.UnitPath.StartsWith(unitPath), ct);

    public async Task<TrainedShare> DeskStaffTrainedAsync(int year, string unitPath, CancellationToken ct = default)
    {
        var deskStaff = await (from m in platform.UnitMemberships.IgnoreQueryFilters()
                               join ur in platform.UserRoles on m.UserId equals ur.UserId
                               join r in platform.Roles on ur.RoleId equals r.Id
                               where r.Name == Roles.DeskOfficer && m.UnitPath.StartsWith(unitPath)
                               select m.UserId).Distinct().ToListAsync(ct);
        var trained = await (from p in db.Participants.IgnoreQueryFilters(Scope)
                             join c in db.Classes.IgnoreQueryFilters(Scope) on p.ClassId equals c.Id
                             where !p.IsDeleted && p.Result == "passed" && c.EndsOn.Year == year && deskStaff.Contains(p.UserId)
                             select p.UserId).Distinct().CountAsync(ct);
        return new TrainedShare(deskStaff.Count, trained);
    }
}
