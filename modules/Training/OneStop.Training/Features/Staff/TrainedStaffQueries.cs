using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Documents;
using OneStop.Platform.Persistence;
using OneStop.Platform.Web;
using OneStop.Training.Infrastructure;

namespace OneStop.Training.Features.Staff;

/// <summary>A course a person holds a valid certificate for.</summary>
internal sealed record StaffCertificate(Guid CourseId, string CourseCode, string CertificateNo, DateOnly ValidUntil);

/// <summary>One person at one unit, with the certificates valid today.</summary>
/// <param name="Position">Chức danh, for the workbook (a person reads the name and title, not the login).</param>
internal sealed record StaffLine(Guid UserId, string UserName, string FullName, string? Position, string Role, Guid UnitId, string UnitName, string UnitPath, IReadOnlyList<StaffCertificate> Valid)
{
    public StaffCertificate? For(Guid courseId) => Valid.FirstOrDefault(v => v.CourseId == courseId);
}

internal sealed record StaffCourse(Guid Id, string Code, string Title, string? ProcedureField);

/// <param name="Untrained">Only staff without a valid certificate (of <paramref name="CourseId"/> when given, else of any course).</param>
internal sealed record StaffFilter(Guid? UnitId = null, Guid? CourseId = null, bool Untrained = false);

/// <summary>
/// Ai ở bộ phận nào đã được đào tạo về nội dung gì: the staff of the one-stop desks and centres in scope (desk officers,
/// specialists, postal staff) with the certificates they hold that are valid today. Memberships and certificates are
/// both read through the scope filter; the two lists are small (staff of a province), so they are joined in memory and
/// paged by unit path and user name.
/// </summary>
internal sealed class TrainedStaffQueries(TrainingDbContext db, PlatformDbContext platform, IAdministrativeUnitDirectory units, TimeProvider clock)
{
    public static readonly string[] StaffRoles = [Roles.DeskOfficer, Roles.Specialist, Roles.PostalAgent];

    public async Task<IReadOnlyList<StaffCourse>> CoursesAsync(CancellationToken ct) =>
        await db.Courses.AsNoTracking().OrderBy(c => c.Code).Select(c => new StaffCourse(c.Id, c.Code, c.Title, c.ProcedureField)).ToListAsync(ct);

    public async Task<IReadOnlyList<StaffLine>> ListAsync(StaffFilter filter, CancellationToken ct)
    {
        var unitPath = filter.UnitId is { } unitId ? (await units.FindAsync(unitId, ct))?.Path ?? "~" : "/";
        var members = (await (from m in platform.UnitMemberships.AsNoTracking()
                              join u in platform.Users on m.UserId equals u.Id
                              where m.UnitPath.StartsWith(unitPath)
                              select new { m.UserId, u.UserName, u.FullName, u.Position, m.Roles, m.UnitId, m.UnitPath }).ToListAsync(ct))
            .SelectMany(m => m.Roles.Where(StaffRoles.Contains).Select(role => new { m.UserId, m.UserName, m.FullName, m.Position, Role = role, m.UnitId, m.UnitPath }))
            .ToList();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var userIds = members.Select(m => m.UserId).Distinct().ToList();
        var certificates = await (from p in db.Participants.AsNoTracking()
                                  join c in db.Classes.IgnoreQueryFilters([PlatformModelConventions.ScopeFilter]) on p.ClassId equals c.Id
                                  join course in db.Courses on c.CourseId equals course.Id
                                  where userIds.Contains(p.UserId) && p.Result == "passed" && p.CertifiedOn <= today && p.ValidUntil >= today
                                  select new { p.UserId, course.Id, course.Code, p.CertificateNo, p.ValidUntil }).ToListAsync(ct);
        var byUser = certificates.GroupBy(c => c.UserId).ToDictionary(g => g.Key, g => g
            .GroupBy(c => c.Id).Select(perCourse => perCourse.OrderByDescending(c => c.ValidUntil).First()) // the longest-valid certificate per course
            .Select(c => new StaffCertificate(c.Id, c.Code, c.CertificateNo ?? "", c.ValidUntil!.Value)).OrderBy(c => c.CourseCode).ToList());

        var lines = new List<StaffLine>();
        foreach (var m in members.GroupBy(m => (m.UserId, m.UnitId)).Select(g => g.OrderBy(x => Array.IndexOf(StaffRoles, x.Role)).First()))
        {
            var valid = byUser.GetValueOrDefault(m.UserId) ?? [];
            var missing = filter.CourseId is { } courseId ? valid.All(v => v.CourseId != courseId) : valid.Count == 0;
            if (filter.Untrained && !missing)
            {
                continue;
            }

            if (!filter.Untrained && filter.CourseId is not null && missing)
            {
                continue;
            }

            var unitName = (await units.FindAsync(m.UnitId, ct))?.Name ?? "";
            lines.Add(new StaffLine(m.UserId, m.UserName ?? "", m.FullName, m.Position, m.Role, m.UnitId, unitName, m.UnitPath, valid));
        }

        return lines.OrderBy(l => Key(l), StringComparer.Ordinal).ToList();
    }

    private static string Key(StaffLine l) => l.UnitPath + "|" + l.UserName;

    public async Task<KeysetPage<StaffLine>> PageAsync(StaffFilter filter, string? cursor, int size, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<string>(cursor);
        var rows = (await ListAsync(filter, ct)).Where(l => after is null || string.CompareOrdinal(Key(l), after) > 0).Take(size + 1).ToList();
        return KeysetCursor.ToPage(rows, size, Key);
    }

    /// <summary>One row a person, one column a course: the valid-until date of the certificate, or empty.</summary>
    public static byte[] Excel(IReadOnlyList<StaffLine> lines, IReadOnlyList<StaffCourse> courses, DateOnly today)
    {
        // The row number is the line's position, so the rows carry it along.
        List<ExcelColumn<(int No, StaffLine Line)>> columns =
        [
            new("TT", 6, r => r.No),
            new("Đơn vị", 30, r => r.Line.UnitName),
            new("Họ và tên", 26, r => r.Line.FullName),
            new("Chức danh", 40, r => r.Line.Position ?? ""),
            new("Vai trò", 20, r => RoleVi(r.Line.Role)),
            .. courses.Select(c => new ExcelColumn<(int No, StaffLine Line)>($"{c.Code} — {c.Title}", 28,
                r => r.Line.For(c.Id) is { } certificate ? $"Đến {certificate.ValidUntil:dd/MM/yyyy} ({certificate.CertificateNo})" : null)),
        ];
        using var book = new ExcelWorkbook().Sheet("Cán bộ được đào tạo", columns, lines.Select((l, i) => (No: i + 1, Line: l)),
            [$"Cán bộ một cửa và chứng nhận bồi dưỡng còn hiệu lực ngày {today:dd/MM/yyyy}"]);
        return book.ToBytes();
    }

    public static string RoleVi(string role) => role switch
    {
        Roles.DeskOfficer => "Cán bộ một cửa",
        Roles.Specialist => "Chuyên viên",
        Roles.PostalAgent => "Nhân viên bưu chính",
        _ => role,
    };
}
