namespace OneStop.Platform.Calendar;

/// <summary>Kinds of official calendar entries (ngày nghỉ, ngày làm bù), as stored and as in the seed CSV.</summary>
public static class DayOffKinds
{
    public const string Holiday = "holiday";               // ngày lễ, Tết
    public const string Compensatory = "compensatory";     // nghỉ bù
    public const string SwappedOff = "swapped_off";        // nghỉ hoán đổi
    public const string MakeupWorkday = "makeup_workday";  // ngày làm bù (thứ Bảy đi làm)

    public static readonly string[] All = [Holiday, Compensatory, SwappedOff, MakeupWorkday];

    public static bool IsNonWorking(string kind) => kind is Holiday or Compensatory or SwappedOff;

    public static string NameVi(string kind) => kind switch
    {
        Holiday => "Ngày lễ, Tết",
        Compensatory => "Nghỉ bù",
        SwappedOff => "Nghỉ hoán đổi",
        MakeupWorkday => "Làm bù",
        _ => kind,
    };
}
