namespace OneStop.Platform.Calendar;

/// <summary>Message codes of the working calendar that are not API error codes (ADR 0020); texts in Localization/messages.*.json.</summary>
internal static class CalendarMessages
{
    /// <summary>{0}: the kinds, comma-separated.</summary>
    public const string KindInvalid = "Platform.Calendar.KindInvalid";
    public const string MakeupMustBeWeekend = "Platform.Calendar.MakeupMustBeWeekend";
    public const string DateInvalid = "Platform.Calendar.DateInvalid";
    public const string NameRequired = "Platform.Calendar.NameRequired";
    public const string SourceTooLong = "Platform.Calendar.SourceTooLong";
    public const string TimeInvalid = "Platform.Calendar.TimeInvalid";
    public const string HoursOutOfOrder = "Platform.Calendar.HoursOutOfOrder";
    /// <summary>{0}: the hours the schedule totals.</summary>
    public const string HoursNotEight = "Platform.Calendar.HoursNotEight";
    /// <summary>Stands for the covered years in <c>Counters.CalendarNotCovered</c> when there is none.</summary>
    public const string CoveredNone = "Platform.Calendar.CoveredNone";
    public const string UnitNotFound = "Platform.Calendar.UnitNotFound";
}
