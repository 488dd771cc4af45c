namespace OneStop.Training.Contracts;

/// <summary>Stable error codes of the Training module, returned in ProblemDetails "code".</summary>
public static class TrainingErrorCodes
{
    public const string Prefix = "Training.";
    public const string CourseNotFound = Prefix + "CourseNotFound";
    public const string CourseCodeTaken = Prefix + "CourseCodeTaken";
    public const string ClassNotFound = Prefix + "ClassNotFound";
    public const string ParticipantNotFound = Prefix + "ParticipantNotFound";
    public const string UserNotFound = Prefix + "UserNotFound";
    public const string AlreadyEnrolled = Prefix + "AlreadyEnrolled";
    public const string NotCertified = Prefix + "NotCertified";
}
