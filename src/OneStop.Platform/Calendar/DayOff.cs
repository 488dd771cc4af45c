using OneStop.Platform.Domain;

namespace OneStop.Platform.Calendar;

/// <summary>
/// Ngày nghỉ / ngày làm bù: one official calendar entry. National data (the Prime Minister fixes Tết and swaps every
/// year), so not unit-scoped; only system administrators edit it.
/// </summary>
internal sealed class DayOff : Entity
{
    private DayOff() { }

    public DayOff(DateOnly date, string kind, string name, string source)
    {
        Date = date;
        Kind = kind;
        Name = name;
        Source = source;
    }

    public DateOnly Date { get; private set; }
    public string Kind { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>The notice it rests on (nguồn), kept for provenance.</summary>
    public string Source { get; private set; } = "";

    public CalendarEntry ToEntry() => new(Date, Kind, Name);
}
