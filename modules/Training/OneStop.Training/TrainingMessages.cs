namespace OneStop.Training;

/// <summary>Message codes of Training that are not API error codes (ADR 0020); texts in Localization/messages.*.json.</summary>
internal static class TrainingMessages
{
    public const string CourseCodeInvalid = "Training.Courses.CodeInvalid";
    public const string CourseTitleRequired = "Training.Courses.TitleRequired";
    /// <summary>{Topics}: the topics a course may have.</summary>
    public const string TopicInvalid = "Training.Courses.TopicInvalid";
    public const string ValidityOutOfRange = "Training.Courses.ValidityOutOfRange";
    public const string CourseRequired = "Training.CourseRequired";
    public const string ClassTitleRequired = "Training.Classes.TitleRequired";
    public const string EndsBeforeStart = "Training.Classes.EndsBeforeStart";
    public const string VenueRequired = "Training.Classes.VenueRequired";
    public const string OrganiserInvalid = "Training.Classes.OrganiserInvalid";
    public const string UserNameRequired = "Training.Participants.UserNameRequired";
    public const string ResultInvalid = "Training.Participants.ResultInvalid";
    public const string ResultRequired = "Training.Participants.ResultRequired";
    public const string PlanYearOutOfRange = "Training.Plans.YearOutOfRange";
    public const string PlannedParticipantsOutOfRange = "Training.Plans.ParticipantsOutOfRange";
    public const string PlanEmpty = "Training.Plans.Empty";
    public const string PlannedClassesOutOfRange = "Training.Plans.ClassesOutOfRange";
    public const string NoteTooLong = "Training.Plans.NoteTooLong";
}
