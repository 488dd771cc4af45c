using OneStop.Platform.Domain;

namespace OneStop.Training.Domain;

/// <summary>Khóa học (chuyên đề) — a course in the province's catalogue; catalogue data, not unit-scoped.</summary>
internal sealed class Course : Entity
{
    private Course() { }

    public Course(string code, string title, string topic, string? procedureField, int validityMonths)
    {
        Code = code;
        Title = title;
        Topic = topic;
        ProcedureField = procedureField;
        ValidityMonths = validityMonths;
    }

    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Topic { get; private set; } = "";

    /// <summary>Lĩnh vực TTHC the course qualifies for (e.g. <c>ho-tich</c>), used by the assignment gate.</summary>
    public string? ProcedureField { get; private set; }

    /// <summary>How long a certificate stays valid.</summary>
    public int ValidityMonths { get; private set; }
}

internal static class CourseTopics
{
    public const string OneStopProcedures = "one-stop-procedures";       // Quy trình một cửa, một cửa liên thông
    public const string Digitisation = "digitisation";                   // Số hóa hồ sơ, giấy tờ, kết quả
    public const string DigitalSignatures = "digital-signatures";        // Chữ ký số
    public const string BoundaryFreeReception = "boundary-free-reception"; // Tiếp nhận không phụ thuộc địa giới hành chính
    public const string PostalServices = "postal-services";              // Dịch vụ bưu chính công ích

    public static readonly string[] All = [OneStopProcedures, Digitisation, DigitalSignatures, BoundaryFreeReception, PostalServices];
}

internal static class Organisers
{
    public const string ProvincialOffice = "provincial-office"; // Văn phòng UBND tỉnh
    public const string PostalCompany = "postal-company";       // Bưu điện tỉnh
    public static readonly string[] All = [ProvincialOffice, PostalCompany];
}

/// <summary>Lớp bồi dưỡng, tập huấn — a class of a course, owned by the organising unit.</summary>
internal sealed class TrainingClass : ScopedEntity
{
    private TrainingClass() { }

    public TrainingClass(Course course, string title, DateOnly startsOn, DateOnly endsOn, string venue, string organiser)
    {
        CourseId = course.Id;
        Title = title;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Venue = venue;
        Organiser = organiser;
    }

    public Guid CourseId { get; private set; }
    public Course Course { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public string Venue { get; private set; } = "";
    public string Organiser { get; private set; } = "";
}

/// <summary>
/// Học viên — a participant in a class: attendance, result and certificate. Owned by the participant's own unit, so a
/// desk sees who of its staff is trained for what, and the organising province sees everyone.
/// </summary>
internal sealed class Participant : ScopedEntity
{
    private Participant() { }

    public Participant(TrainingClass trainingClass, Guid userId, string userName, string fullName, string staffRole, Guid unitId, string unitPath, string unitName)
    {
        ClassId = trainingClass.Id;
        UserId = userId;
        UserName = userName;
        FullName = fullName;
        StaffRole = staffRole;
        UnitId = unitId;
        UnitPath = unitPath;
        UnitName = unitName;
    }

    public Guid ClassId { get; private set; }
    public Guid UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public string FullName { get; private set; } = "";
    public string StaffRole { get; private set; } = "";
    public string UnitName { get; private set; } = "";

    /// <summary>Điểm danh: null until recorded.</summary>
    public bool? Attended { get; private set; }

    /// <summary><c>passed</c> (đạt) / <c>failed</c> (không đạt); null until recorded.</summary>
    public string? Result { get; private set; }
    public string? CertificateNo { get; private set; }
    public DateOnly? CertifiedOn { get; private set; }
    public DateOnly? ValidUntil { get; private set; }

    public void Record(bool attended, string? result, string certificateNo, DateOnly on, int validityMonths)
    {
        Attended = attended;
        Result = attended ? result : "failed";
        if (Result == "passed")
        {
            CertificateNo ??= certificateNo;
            CertifiedOn = on;
            ValidUntil = on.AddMonths(validityMonths);
        }
        else
        {
            CertificateNo = null;
            CertifiedOn = null;
            ValidUntil = null;
        }
    }
}

/// <summary>
/// Kế hoạch đào tạo hằng năm — how many classes of a course a unit plans to hold in a year and how many of its staff
/// it plans to train on it.
/// </summary>
internal sealed class TrainingPlanItem : ScopedEntity
{
    private TrainingPlanItem() { }

    public TrainingPlanItem(int year, Guid courseId, int plannedClasses, int plannedParticipants, string? note)
    {
        Year = year;
        CourseId = courseId;
        PlannedClasses = plannedClasses;
        PlannedParticipants = plannedParticipants;
        Note = note;
    }

    public int Year { get; private set; }
    public Guid CourseId { get; private set; }

    /// <summary>Classes (lớp) of the course the unit plans to hold in the year; 0 when it only sends staff to others' classes.</summary>
    public int PlannedClasses { get; set; }
    public int PlannedParticipants { get; set; }
    public string? Note { get; set; }
}
