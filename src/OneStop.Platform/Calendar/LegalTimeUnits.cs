namespace OneStop.Platform.Calendar;

/// <summary>Units of a legal processing time (thời hạn giải quyết).</summary>
public static class LegalTimeUnits
{
    public const string WorkingDay = "WORKING_DAY";    // ngày làm việc
    public const string WorkingHour = "WORKING_HOUR";  // giờ làm việc

    public static readonly string[] All = [WorkingDay, WorkingHour];

    public static string NameVi(string unit) => unit == WorkingHour ? "giờ làm việc" : "ngày làm việc";
}
