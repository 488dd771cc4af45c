using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform;
using OneStop.Platform.AdministrativeUnits;
using OneStop.Platform.Identity;
using OneStop.Platform.Persistence;
using OneStop.Platform.Scoping;
using OneStop.Platform.Web;
using OneStop.Training.Contracts;
using OneStop.Training.Domain;
using OneStop.Training.Infrastructure;

namespace OneStop.Training.Features.Classes;

internal sealed record ClassDto(Guid Id, Guid CourseId, string CourseCode, string CourseTitle, string Title, DateOnly StartsOn, DateOnly EndsOn, string Venue, string Organiser, string UnitPath);

internal sealed record ParticipantDto(
    Guid Id, Guid ClassId, Guid UserId, string UserName, string FullName, string StaffRole, string UnitName, string UnitPath,
    bool? Attended, string? Result, string? CertificateNo, DateOnly? CertifiedOn, DateOnly? ValidUntil)
{
    public static ParticipantDto From(Participant p) => new(p.Id, p.ClassId, p.UserId, p.UserName, p.FullName, p.StaffRole, p.UnitName, p.UnitPath,
        p.Attended, p.Result, p.CertificateNo, p.CertifiedOn, p.ValidUntil);
}

internal sealed record ClassDetailDto(ClassDto Class, IReadOnlyList<ParticipantDto> Participants);

internal sealed record CreateClassRequest(Guid CourseId, string Title, DateOnly StartsOn, DateOnly EndsOn, string Venue, string Organiser);

internal sealed class CreateClassRequestValidator : AbstractValidator<CreateClassRequest>
{
    public CreateClassRequestValidator()
    {
        RuleFor(r => r.CourseId).NotEqual(Guid.Empty).WithErrorCode(TrainingMessages.CourseRequired);
        RuleFor(r => r.Title).Must(title => !string.IsNullOrWhiteSpace(title) && title.Length <= 256).WithErrorCode(TrainingMessages.ClassTitleRequired);
        RuleFor(r => r.EndsOn).Must((r, endsOn) => endsOn >= r.StartsOn && r.StartsOn != default).WithErrorCode(TrainingMessages.EndsBeforeStart);
        RuleFor(r => r.Venue).Must(venue => !string.IsNullOrWhiteSpace(venue) && venue.Length <= 256).WithErrorCode(TrainingMessages.VenueRequired);
        RuleFor(r => r.Organiser).Must(Organisers.All.Contains).WithErrorCode(TrainingMessages.OrganiserInvalid);
    }
}

internal sealed record EnrolRequest(string UserName);

internal sealed class EnrolRequestValidator : AbstractValidator<EnrolRequest>
{
    public EnrolRequestValidator() =>
        RuleFor(r => r.UserName).Must(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 256).WithErrorCode(TrainingMessages.UserNameRequired);
}

internal sealed record RecordResultRequest(bool Attended, string? Result);

internal sealed class RecordResultRequestValidator : AbstractValidator<RecordResultRequest>
{
    public RecordResultRequestValidator()
    {
        RuleFor(r => r.Result).Must(result => result is null or "passed" or "failed").WithErrorCode(TrainingMessages.ResultInvalid);
        RuleFor(r => r.Result).NotNull().When(r => r.Attended).WithErrorCode(TrainingMessages.ResultRequired);
    }
}

/// <summary>Classes, participants, attendance and results. Classes belong to the organising unit; participants to their own unit.</summary>
internal sealed class ClassHandler(TrainingDbContext db, PlatformDbContext platform, IAdministrativeUnitDirectory units, TimeProvider clock)
{
    public async Task<KeysetPage<ClassDto>> ListAsync(string? cursor, int? pageSize, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<Guid?>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        var rows = await db.Classes.AsNoTracking().Where(c => after == null || c.Id < after).OrderByDescending(c => c.Id).Take(size + 1)
            .Select(c => new ClassDto(c.Id, c.CourseId, c.Course.Code, c.Course.Title, c.Title, c.StartsOn, c.EndsOn, c.Venue, c.Organiser, c.UnitPath))
            .ToListAsync(ct);
        return KeysetCursor.ToPage(rows, size, r => (Guid?)r.Id);
    }

    public async Task<ClassDetailDto> GetAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Classes.AsNoTracking().Include(x => x.Course).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw ClassNotFound();
        var participants = await db.Participants.AsNoTracking().Where(p => p.ClassId == id).OrderBy(p => p.UnitPath).ThenBy(p => p.FullName).ToListAsync(ct);
        return new ClassDetailDto(ToDto(c), participants.Select(ParticipantDto.From).ToList());
    }

    public async Task<ClassDto> CreateAsync(CreateClassRequest request, CancellationToken ct)
    {
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Id == request.CourseId, ct)
            ?? throw new PlatformException(TrainingErrorCodes.CourseNotFound, 404);
        var c = new TrainingClass(course, request.Title.Trim(), request.StartsOn, request.EndsOn, request.Venue.Trim(), request.Organiser);
        db.Classes.Add(c);
        await db.SaveChangesAsync(ct);
        return ToDto(c);
    }

    /// <summary>Enrols a staff member of a unit inside the organiser's scope (centre, desks, postal staff).</summary>
    public async Task<ParticipantDto> EnrolAsync(Guid classId, EnrolRequest request, CancellationToken ct)
    {
        var c = await db.Classes.FirstOrDefaultAsync(x => x.Id == classId, ct) ?? throw ClassNotFound();
        var user = await platform.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == request.UserName.Trim(), ct)
            ?? throw UserNotFound();
        var membership = await platform.UnitMemberships.AsNoTracking().Where(m => m.UserId == user.Id)
            .OrderByDescending(m => m.IsDefault).FirstOrDefaultAsync(ct) ?? throw UserNotFound();
        var unit = await units.FindAsync(membership.UnitId, ct) ?? throw UserNotFound();
        if (await db.Participants.AnyAsync(p => p.ClassId == classId && p.UserId == user.Id, ct))
        {
            throw new PlatformException(TrainingErrorCodes.AlreadyEnrolled, 409);
        }

        var role = membership.Roles.FirstOrDefault() ?? "";
        var participant = new Participant(c, user.Id, user.UserName!, user.FullName, role, unit.Id, unit.Path, unit.Name);
        db.Participants.Add(participant);
        await db.SaveChangesAsync(ct);
        return ParticipantDto.From(participant);
    }

    /// <summary>Điểm danh và kết quả; a pass issues a certificate valid for the course's validity period.</summary>
    public async Task<ParticipantDto> RecordAsync(Guid participantId, RecordResultRequest request, CancellationToken ct)
    {
        var p = await db.Participants.FirstOrDefaultAsync(x => x.Id == participantId, ct)
            ?? throw new PlatformException(TrainingErrorCodes.ParticipantNotFound, 404);
        // The class and its course belong to the organiser: only someone who can see the class records results.
        var c = await db.Classes.Include(x => x.Course).FirstOrDefaultAsync(x => x.Id == p.ClassId, ct) ?? throw ClassNotFound();
        var on = c.EndsOn < DateOnly.FromDateTime(clock.GetLocalNow().Date) ? c.EndsOn : DateOnly.FromDateTime(clock.GetLocalNow().Date);
        p.Record(request.Attended, request.Result, $"{c.EndsOn.Year}/{p.Id.ToString("N")[..8].ToUpperInvariant()}", on, c.Course.ValidityMonths);
        await db.SaveChangesAsync(ct);
        return ParticipantDto.From(p);
    }

    /// <summary>Who is trained for what: participants in scope with a result, newest first.</summary>
    public async Task<KeysetPage<ParticipantDto>> TrainedAsync(string? cursor, int? pageSize, CancellationToken ct)
    {
        var after = KeysetCursor.Decode<Guid?>(cursor);
        var size = KeysetCursor.ClampPageSize(pageSize);
        var rows = await db.Participants.AsNoTracking().Where(p => p.Result == "passed").Where(p => after == null || p.Id < after)
            .OrderByDescending(p => p.Id).Take(size + 1).ToListAsync(ct);
        return KeysetCursor.ToPage(rows, size, ParticipantDto.From, r => (Guid?)r.Id);
    }

    private static ClassDto ToDto(TrainingClass c) => new(c.Id, c.CourseId, c.Course.Code, c.Course.Title, c.Title, c.StartsOn, c.EndsOn, c.Venue, c.Organiser, c.UnitPath);

    private static PlatformException ClassNotFound() => new(TrainingErrorCodes.ClassNotFound, 404);

    private static PlatformException UserNotFound() => new(TrainingErrorCodes.UserNotFound, 404);
}
