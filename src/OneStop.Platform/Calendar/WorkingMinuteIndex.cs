namespace OneStop.Platform.Calendar;

/// <summary>
/// The working time of a calendar and a unit's office hours laid out as one line: for every day of the covered years,
/// how much office time lies before it. A moment's position on the line is that sum plus the office time already
/// passed that day; a due date is the earliest moment whose position is the start's plus the legal time. So a due date
/// costs two array look-ups and a binary search instead of a walk day by day, and allocates nothing (ADR 0040).
/// It gives the same answers as <see cref="DueDateCalculator.Compute"/> (a test compares them on random inputs),
/// which remains the one place that explains a due date. Built from a <see cref="WorkingCalendar"/> snapshot
/// (<see cref="WorkingCalendar.IndexFor"/>): a changed calendar is a new snapshot, hence a new index.
/// </summary>
public sealed class WorkingMinuteIndex
{
    private readonly WorkingCalendar _calendar;
    private readonly int _firstDay;            // DayNumber of 1 January of the first covered year
    private readonly long[] _before;           // office ticks before day i (length days + 1)
    private readonly int[] _uncoveredBefore;   // days of uncovered years before day i (years missing between covered ones)
    private readonly bool[] _working;
    private readonly long _morningStart, _morningEnd, _afternoonStart, _afternoonEnd, _morning;

    private WorkingMinuteIndex(WorkingCalendar calendar, OfficeHours hours)
    {
        if (!hours.InOrder)
        {
            throw new ArgumentException("Giờ làm việc không hợp lệ.", nameof(hours));
        }

        _calendar = calendar;
        (_morningStart, _morningEnd) = (hours.MorningStart.Ticks, hours.MorningEnd.Ticks);
        (_afternoonStart, _afternoonEnd) = (hours.AfternoonStart.Ticks, hours.AfternoonEnd.Ticks);
        _morning = _morningEnd - _morningStart;
        var daily = _morning + (_afternoonEnd - _afternoonStart);

        var years = calendar.CoveredYears;
        if (years.Count == 0)
        {
            (_firstDay, _before, _uncoveredBefore, _working) = (0, [0], [0], []);
            return;
        }

        var first = new DateOnly(years.Min(), 1, 1);
        var end = new DateOnly(years.Max(), 12, 31).DayNumber + 1;
        _firstDay = first.DayNumber;
        var count = end - _firstDay;
        _before = new long[count + 1];
        _uncoveredBefore = new int[count + 1];
        _working = new bool[count];
        var covered = years.ToHashSet();
        for (var i = 0; i < count; i++)
        {
            var day = DateOnly.FromDayNumber(_firstDay + i);
            var isCovered = covered.Contains(day.Year);
            _working[i] = isCovered && calendar.IsWorkingDay(day);
            _before[i + 1] = _before[i] + (_working[i] ? daily : 0);
            _uncoveredBefore[i + 1] = _uncoveredBefore[i] + (isCovered ? 0 : 1);
        }
    }

    internal static WorkingMinuteIndex Build(WorkingCalendar calendar, OfficeHours hours) => new(calendar, hours);

    /// <summary>
    /// Hạn giải quyết for <paramref name="input"/>, without explanation; the same moment as
    /// <see cref="DueDateCalculator.Compute"/>'s <see cref="DueDateResult.DueAt"/>, and the same exceptions.
    /// </summary>
    public DateTime DueAt(DueDateInput input)
    {
        if (input.LegalTime.Value < 0)
        {
            throw new ArgumentException("Thời hạn giải quyết không được âm.");
        }

        var remaining = input.LegalTime.WorkingTime.Ticks;
        if (input.Extensions is { Count: > 0 } extensions)
        {
            for (var i = 0; i < extensions.Count; i++) // indexed loops: no enumerator to allocate
            {
                remaining += extensions[i].Time.WorkingTime.Ticks;
            }
        }

        var cursor = StartFrom(Truncate(input.ReceivedAt));
        if (input.Stops is { Count: > 0 } given)
        {
            (cursor, remaining) = ThroughStops(cursor, remaining, given);
        }

        return remaining <= 0 ? cursor : Advance(cursor, remaining);
    }

    /// <summary>Runs the clock from <paramref name="cursor"/> through the stops; (due, 0) once time ran out before one.</summary>
    private (DateTime At, long Remaining) ThroughStops(DateTime cursor, long remaining, IReadOnlyList<ClockStop> given)
    {
        for (var i = 0; i < given.Count; i++)
        {
            if (given[i].To < given[i].From)
            {
                throw new ArgumentException("Thời điểm tiếp tục tính phải sau thời điểm tạm dừng.");
            }
        }

        // One stop (the usual case) needs no sorting; several are sorted like the walk sorts them.
        IReadOnlyList<ClockStop> stops = given.Count == 1
            ? given
            : given.Select(s => new ClockStop(Truncate(s.From), Truncate(s.To))).Where(s => s.To > s.From).OrderBy(s => s.From).ToArray();
        DateTime? previousTo = null;
        for (var i = 0; i < stops.Count; i++)
        {
            var (from, to) = (Truncate(stops[i].From), Truncate(stops[i].To));
            if (to <= from)
            {
                continue; // within one minute: stops nothing
            }

            if (previousTo is { } p && from < p)
            {
                throw new ArgumentException("Các khoảng tạm dừng không được chồng lên nhau.");
            }

            previousTo = to;
            if (remaining <= 0)
            {
                continue; // time ran out before this stop
            }

            // Time counts until the stop; time running out at or before it ends the count there.
            var consumed = from <= cursor ? 0 : ConsumedUntil(cursor, from, remaining);
            if (consumed >= remaining)
            {
                (cursor, remaining) = (Advance(cursor, remaining), 0);
                continue;
            }

            remaining -= consumed;
            cursor = StartFrom(to);
        }

        return (cursor, remaining);
    }

    /// <summary>Office ticks from <paramref name="cursor"/> to <paramref name="until"/>, or at least <paramref name="remaining"/> when time runs out first.</summary>
    private long ConsumedUntil(DateTime cursor, DateTime until, long remaining)
    {
        var a = DayIndex(cursor);
        var b = DateOnly.FromDateTime(until).DayNumber - _firstDay;
        if (b < _working.Length && _uncoveredBefore[b + 1] == _uncoveredBefore[a])
        {
            return Position(until) - Position(cursor);
        }

        // The stop lies past the covered days: time may run out before them; if not, the count reaches a day the
        // calendar does not cover, which is an error (as in the walk).
        var u = a;
        while (u < _working.Length && _uncoveredBefore[u + 1] == _uncoveredBefore[u])
        {
            u++;
        }

        var available = _before[u] - Position(cursor);
        if (available >= remaining)
        {
            return available;
        }

        throw u < _working.Length
            ? FirstUncovered(u, u)
            : new CalendarNotCoveredException(_calendar.CoveredYears.Max() + 1, _calendar.CoveredYears);
    }

    /// <summary>The earliest moment <paramref name="remaining"/> office ticks after <paramref name="cursor"/> (a working moment).</summary>
    private DateTime Advance(DateTime cursor, long remaining)
    {
        var target = Position(cursor) + remaining;
        // The first day boundary at or past the target: the due date lies in the day before it.
        int lo = DayIndex(cursor) + 1, hi = _before.Length - 1;
        if (_before[hi] < target)
        {
            throw new CalendarNotCoveredException(_calendar.CoveredYears.Max() + 1, _calendar.CoveredYears);
        }

        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_before[mid] >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var dayIndex = lo - 1;
        if (_uncoveredBefore[dayIndex + 1] != _uncoveredBefore[DayIndex(cursor)])
        {
            throw FirstUncovered(DayIndex(cursor), dayIndex);
        }

        var within = target - _before[dayIndex];
        var ticks = within <= _morning ? _morningStart + within : _afternoonStart + (within - _morning);
        return DateOnly.FromDayNumber(_firstDay + dayIndex).ToDateTime(TimeOnly.MinValue).AddTicks(ticks);
    }

    /// <summary>Office ticks of the line before <paramref name="t"/>.</summary>
    private long Position(DateTime t)
    {
        var i = DayIndex(t);
        if (!_working[i])
        {
            return _before[i];
        }

        var time = t.TimeOfDay.Ticks;
        return _before[i] + (Math.Clamp(time, _morningStart, _morningEnd) - _morningStart) + (Math.Clamp(time, _afternoonStart, _afternoonEnd) - _afternoonStart);
    }

    /// <summary>Where counting starts or resumes for an event at <paramref name="t"/> (as the walk's StartFrom).</summary>
    private DateTime StartFrom(DateTime t)
    {
        var i = DayIndex(t);
        var time = t.TimeOfDay.Ticks;
        if (_working[i])
        {
            if (time < _morningStart)
            {
                return t.Date.AddTicks(_morningStart);
            }

            if (time < _morningEnd)
            {
                return t;
            }

            if (time < _afternoonStart)
            {
                return t.Date.AddTicks(_afternoonStart);
            }

            if (time < _afternoonEnd)
            {
                return t;
            }
        }

        // The next working morning.
        var next = i + 1;
        while (next < _working.Length && !_working[next])
        {
            if (_uncoveredBefore[next + 1] != _uncoveredBefore[next])
            {
                throw FirstUncovered(next, next);
            }

            next++;
        }

        if (next >= _working.Length)
        {
            throw new CalendarNotCoveredException(_calendar.CoveredYears.Max() + 1, _calendar.CoveredYears);
        }

        return DateOnly.FromDayNumber(_firstDay + next).ToDateTime(TimeOnly.MinValue).AddTicks(_morningStart);
    }

    private int DayIndex(DateTime t)
    {
        var i = DateOnly.FromDateTime(t).DayNumber - _firstDay;
        if ((uint)i >= (uint)_working.Length || _uncoveredBefore[i + 1] != _uncoveredBefore[i])
        {
            throw new CalendarNotCoveredException(t.Year, _calendar.CoveredYears);
        }

        return i;
    }

    private CalendarNotCoveredException FirstUncovered(int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            if (_uncoveredBefore[i + 1] != _uncoveredBefore[i])
            {
                return new CalendarNotCoveredException(DateOnly.FromDayNumber(_firstDay + i).Year, _calendar.CoveredYears);
            }
        }

        return new CalendarNotCoveredException(DateOnly.FromDayNumber(_firstDay + to).Year, _calendar.CoveredYears);
    }

    private static DateTime Truncate(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Unspecified);
}
