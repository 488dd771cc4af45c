using OneStop.Platform.Domain;

namespace OneStop.PlanTasks.Domain;

/// <summary>
/// Giao nhiệm vụ — a task assigned to a unit (and, at the province, to one of its agencies). Owned by the assignee's
/// unit, so a district or commune reads only its own; the province sees every assignment.
/// </summary>
internal sealed class TaskAssignment : ScopedEntity
{
    private TaskAssignment() { }

    public TaskAssignment(PlanTask task, Guid unitId, string unitPath, string unitName, string? agencyCode, string role, DateOnly? dueOn)
    {
        PlanTaskId = task.Id;
        UnitId = unitId;
        UnitPath = unitPath;
        UnitName = unitName;
        AgencyCode = agencyCode;
        Role = role;
        DueOn = dueOn;
    }

    public Guid PlanTaskId { get; private set; }
    public PlanTask Task { get; private set; } = null!;
    public string UnitName { get; private set; } = "";

    /// <summary>The agency (sở, ngành) that leads at the province; null for a district or commune people's committee.</summary>
    public string? AgencyCode { get; private set; }
    public string Role { get; private set; } = AssignmentRoles.Lead;
    public string Status { get; private set; } = TaskStatuses.NotStarted;
    public int Percent { get; private set; }
    public DateOnly? DueOn { get; private set; }

    /// <summary>Set by the deadline scanner (quá hạn / sắp đến hạn); recomputed on each run.</summary>
    public bool IsOverdue { get; private set; }
    public bool IsDueSoon { get; private set; }

    public void ApplyAcceptedReport(string status, int percent)
    {
        Status = status;
        Percent = status == TaskStatuses.Completed ? 100 : percent;
        if (Status == TaskStatuses.Completed)
        {
            IsOverdue = false;
            IsDueSoon = false;
        }
    }

    /// <summary>The task's deadline changed in the plan: the assignment is due on the new day.</summary>
    public void Reschedule(DateOnly? dueOn) => DueOn = dueOn;

    /// <summary>Returns whether the flags changed, so the scanner writes only real changes.</summary>
    public bool Flag(DateOnly today, int dueSoonDays)
    {
        var done = Status == TaskStatuses.Completed;
        var overdue = !done && DueOn is { } due && due < today;
        var soon = !done && !overdue && DueOn is { } d && d <= today.AddDays(dueSoonDays);
        var changed = overdue != IsOverdue || soon != IsDueSoon;
        IsOverdue = overdue;
        IsDueSoon = soon;
        return changed;
    }
}

internal static class AssignmentRoles
{
    public const string Lead = "lead";               // chủ trì
    public const string Coordinate = "coordinate";   // phối hợp
}

internal static class TaskStatuses
{
    public const string NotStarted = "not-started";  // Chưa thực hiện
    public const string InProgress = "in-progress";  // Đang thực hiện
    public const string Completed = "completed";     // Hoàn thành

    public static readonly string[] Reportable = [InProgress, Completed];
}

/// <summary>Báo cáo tiến độ — a periodic or ad-hoc progress report by the assignee, reviewed by the provincial office.</summary>
internal sealed class ProgressReport : ScopedEntity
{
    private ProgressReport() { }

    public ProgressReport(TaskAssignment assignment, string kind, string status, int percent, string narrative, string submittedBy)
    {
        AssignmentId = assignment.Id;
        UnitId = assignment.UnitId;
        UnitPath = assignment.UnitPath;
        Kind = kind;
        Status = status;
        Percent = percent;
        Narrative = narrative;
        SubmittedBy = submittedBy;
    }

    public Guid AssignmentId { get; private set; }
    public TaskAssignment Assignment { get; private set; } = null!;

    /// <summary><c>periodic</c> (định kỳ) or <c>ad-hoc</c> (đột xuất).</summary>
    public string Kind { get; private set; } = "";
    public string Status { get; private set; } = "";
    public int Percent { get; private set; }
    public string Narrative { get; private set; } = "";
    public string SubmittedBy { get; private set; } = "";
    public string Review { get; private set; } = ReviewStates.Submitted;
    public string? ReviewComment { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public List<EvidenceFile> Evidence { get; private set; } = [];

    public void Accept(string reviewer, string? comment, DateTimeOffset at)
    {
        Review = ReviewStates.Accepted;
        ReviewedBy = reviewer;
        ReviewComment = comment;
        ReviewedAt = at;
        Assignment.ApplyAcceptedReport(Status, Percent);
    }

    public void Return(string reviewer, string comment, DateTimeOffset at)
    {
        Review = ReviewStates.Returned;
        ReviewedBy = reviewer;
        ReviewComment = comment;
        ReviewedAt = at;
    }
}

internal static class ReportKinds
{
    public const string Periodic = "periodic";
    public const string AdHoc = "ad-hoc";
    public static readonly string[] All = [Periodic, AdHoc];
}

internal static class ReviewStates
{
    public const string Submitted = "submitted";  // Chờ xem xét
    public const string Accepted = "accepted";    // Đã chấp nhận
    public const string Returned = "returned";    // Trả lại
}

/// <summary>Tài liệu minh chứng — a file attached to a progress report; the bytes live in the module's file store.</summary>
internal sealed class EvidenceFile : ScopedEntity
{
    private EvidenceFile() { }

    public EvidenceFile(ProgressReport report, string fileName, string contentType, long size, string storageKey, string sha256)
    {
        ReportId = report.Id;
        UnitId = report.UnitId;
        UnitPath = report.UnitPath;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        StorageKey = storageKey;
        Sha256 = sha256;
    }

    public Guid ReportId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string StorageKey { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
}
