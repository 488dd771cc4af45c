using System.Globalization;
using OneStop.Platform.Localization;
using OneStop.Platform.Web;

namespace OneStop.Platform.Calendar;

/// <summary>
/// The calendar has no data for a year: computing there would silently treat holidays as working days. Answered as
/// 422 with <see cref="PlatformErrorCodes.CalendarNotCovered"/> wherever it escapes a request.
/// </summary>
public sealed class CalendarNotCoveredException(int year, IReadOnlyCollection<int> coveredYears)
    : PlatformException(PlatformErrorCodes.CalendarNotCovered, 422, YearText(year), Describe(coveredYears))
{
    public int Year { get; } = year;

    private static string YearText(int year) => year.ToString(CultureInfo.InvariantCulture);

    // Resolved when the message is read, so "no year" follows the reader's language too.
    private static object Describe(IReadOnlyCollection<int> years) =>
        years.Count == 0 ? new NoYear() : string.Join(", ", years.Order());

    private sealed class NoYear
    {
        public override string ToString() => Messages.Text(CalendarMessages.CoveredNone);
    }
}
