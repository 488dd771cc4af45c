using System.Globalization;

namespace OneStop.Platform.Calendar;

/// <summary>A legal time: a number of working days or working hours (1 working day = 8 working hours).</summary>
public sealed record LegalTime(decimal Value, string Unit)
{
    public TimeSpan WorkingTime => Unit switch
    {
        LegalTimeUnits.WorkingDay => TimeSpan.FromMinutes((double)(Value * 8 * 60)),
        LegalTimeUnits.WorkingHour => TimeSpan.FromMinutes((double)(Value * 60)),
        _ => throw new ArgumentException($"Đơn vị thời hạn không hợp lệ: {Unit}."),
    };

    public override string ToString() => $"{Value.ToString("0.##", CultureInfo.InvariantCulture)} {LegalTimeUnits.NameVi(Unit)}";
}
