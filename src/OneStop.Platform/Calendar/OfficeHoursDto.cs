using System.Globalization;

namespace OneStop.Platform.Calendar;

/// <summary>A unit's office hours as the API shows them ("HH:mm", Vietnam time); also part of Counters' due-date answer.</summary>
public sealed record OfficeHoursDto(Guid UnitId, string UnitName, string MorningStart, string MorningEnd, string AfternoonStart, string AfternoonEnd, bool IsDefault)
{
    public static OfficeHoursDto From(Guid unitId, string unitName, OfficeHours h, bool isDefault) =>
        new(unitId, unitName, F(h.MorningStart), F(h.MorningEnd), F(h.AfternoonStart), F(h.AfternoonEnd), isDefault);

    private static string F(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
