namespace OneStop.Platform.Calendar;

/// <summary>
/// Computes hạn giải quyết by walking working time over the calendar and the unit's office hours: N working days are
/// N × 8 working hours counted from the moment counting starts (received Monday 09:00 with 1 day → Tuesday 09:00).
/// A due date may fall exactly on a period's end (11:30 or 17:00): that is still inside office hours.
/// </summary>
public static class DueDateCalculator
{
    public static DueDateResult Compute(WorkingCalendar calendar, OfficeHours hours, DueDateInput input)
    {
        if (input.LegalTime.Value < 0)
        {
            throw new ArgumentException("Thời hạn giải quyết không được âm.");
        }

        var walk = new Walk(calendar, hours);
        var received = Truncate(input.ReceivedAt);
        walk.Note($"Tiếp nhận lúc {WorkingCalendar.Format(received)} (giờ Việt Nam, UTC+7). Giờ làm việc của đơn vị: {hours}.");

        var start = walk.StartFrom(received, "tiếp nhận");
        var total = input.LegalTime.WorkingTime;
        walk.Note($"Thời hạn giải quyết {input.LegalTime} = {FormatWorking(total)} (1 ngày làm việc = 8 giờ làm việc).");
        foreach (var extension in input.Extensions ?? [])
        {
            total += extension.Time.WorkingTime;
            walk.Note($"Gia hạn thêm {extension.Time} (lý do: {extension.Reason}); tổng thời gian là {FormatWorking(total)}.");
        }

        var cursor = start;
        var remaining = total;
        var given = input.Stops ?? [];
        if (given.Any(s => s.To < s.From))
        {
            throw new ArgumentException("Thời điểm tiếp tục tính phải sau thời điểm tạm dừng.");
        }

        // Time counts in whole minutes: a stop that starts and ends within the same minute (an obligation met the
        // moment it was asked) stops nothing.
        var stops = given.Select(s => new ClockStop(Truncate(s.From), Truncate(s.To))).Where(s => s.To > s.From).OrderBy(s => s.From).ToList();
        for (var i = 0; i < stops.Count; i++)
        {
            var stop = stops[i];
            if (i > 0 && stop.From < stops[i - 1].To)
            {
                throw new ArgumentException("Các khoảng tạm dừng không được chồng lên nhau.");
            }

            if (remaining == TimeSpan.Zero)
            {
                walk.Note($"Tạm dừng từ {WorkingCalendar.Format(stop.From)} không làm thay đổi hạn: thời hạn đã hết trước đó.");
                continue;
            }

            var (at, left, stopped) = walk.Advance(cursor, remaining, stop.From);
            if (!stopped)
            {
                walk.Note($"Tạm dừng từ {WorkingCalendar.Format(stop.From)} không làm thay đổi hạn: thời hạn đã hết lúc {WorkingCalendar.Format(at)}.");
                cursor = at;
                remaining = TimeSpan.Zero;
                continue;
            }

            remaining = left;
            walk.Note($"Ngừng tính thời gian từ {WorkingCalendar.Format(stop.From)} đến {WorkingCalendar.Format(stop.To)} (chờ bổ sung hồ sơ); khi dừng còn lại {FormatWorking(remaining)}.");
            cursor = walk.StartFrom(stop.To, "tiếp tục tính");
        }

        var (due, _, _) = walk.Advance(cursor, remaining, null);
        walk.Note($"Hạn giải quyết: {WorkingCalendar.Format(due)}.");
        return new DueDateResult(start, due, total, walk.Notes, walk.Skipped, walk.Makeups);
    }

    /// <summary>"2 ngày 3 giờ 30 phút làm việc", with 8-hour days.</summary>
    public static string FormatWorking(TimeSpan time)
    {
        var minutes = (long)Math.Round(time.TotalMinutes);
        var days = minutes / 480;
        var hoursPart = minutes % 480 / 60;
        var minutesPart = minutes % 60;
        var parts = new List<string>();
        if (days > 0) parts.Add($"{days} ngày");
        if (hoursPart > 0) parts.Add($"{hoursPart} giờ");
        if (minutesPart > 0) parts.Add($"{minutesPart} phút");
        return parts.Count == 0 ? "0 giờ làm việc" : string.Join(" ", parts) + " làm việc";
    }

    // Seconds and below do not matter to a legal deadline and would only make explanations noisy.
    private static DateTime Truncate(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Unspecified);

    private sealed class Walk(WorkingCalendar calendar, OfficeHours hours)
    {
        private readonly HashSet<DateOnly> _skipped = [];
        private readonly HashSet<DateOnly> _makeups = [];
        public List<string> Notes { get; } = [];
        public List<SkippedDay> Skipped { get; } = [];
        public List<DateOnly> Makeups { get; } = [];

        public void Note(string text) => Notes.Add(text);

        /// <summary>Where counting starts (or resumes) for an event at <paramref name="t"/>.</summary>
        public DateTime StartFrom(DateTime t, string what)
        {
            var day = DateOnly.FromDateTime(t);
            var time = TimeOnly.FromDateTime(t);
            DateTime start;
            string? why = null;
            if (!calendar.IsWorkingDay(day))
            {
                Skip(day);
                start = NextWorkingMorning(day);
                why = $"{WorkingCalendar.Format(day)} không phải ngày làm việc ({calendar.WhyNotWorking(day)})";
            }
            else if (time < hours.MorningStart)
            {
                start = day.ToDateTime(hours.MorningStart);
                why = "trước giờ làm việc";
            }
            else if (time >= hours.MorningEnd && time < hours.AfternoonStart)
            {
                start = day.ToDateTime(hours.AfternoonStart);
                why = "trong giờ nghỉ trưa";
            }
            else if (time >= hours.AfternoonEnd)
            {
                start = NextWorkingMorning(day);
                why = "sau giờ làm việc";
            }
            else
            {
                start = t;
            }

            Note(why is null
                ? $"Bắt đầu {what} tính thời gian ngay lúc {WorkingCalendar.Format(start)}."
                : $"Thời điểm {what} {why}: bắt đầu tính từ {WorkingCalendar.Format(start)}.");
            return start;
        }

        private DateTime NextWorkingMorning(DateOnly day)
        {
            var next = day.AddDays(1);
            while (!calendar.IsWorkingDay(next))
            {
                Skip(next);
                next = next.AddDays(1);
            }

            NoteMakeup(next);
            return next.ToDateTime(hours.MorningStart);
        }

        /// <summary>
        /// Consumes <paramref name="remaining"/> working time from <paramref name="cursor"/>; stops early (clock stopped)
        /// when wall time reaches <paramref name="stopAt"/> first.
        /// </summary>
        public (DateTime At, TimeSpan Remaining, bool Stopped) Advance(DateTime cursor, TimeSpan remaining, DateTime? stopAt)
        {
            if (remaining <= TimeSpan.Zero)
            {
                return (cursor, TimeSpan.Zero, false);
            }

            while (true)
            {
                var day = DateOnly.FromDateTime(cursor);
                var nextDay = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
                if (calendar.IsWorkingDay(day))
                {
                    foreach (var (s, e) in Periods(day))
                    {
                        if (cursor >= e)
                        {
                            continue;
                        }

                        var from = cursor < s ? s : cursor;
                        if (stopAt <= from)
                        {
                            return (stopAt.Value, remaining, true);
                        }

                        var end = stopAt < e ? stopAt.Value : e;
                        var available = end - from;
                        NoteMakeup(day);
                        if (available >= remaining)
                        {
                            return (from + remaining, TimeSpan.Zero, false);
                        }

                        remaining -= available;
                        cursor = end;
                        if (end == stopAt)
                        {
                            return (end, remaining, true);
                        }
                    }
                }
                else if (stopAt is null || stopAt > nextDay)
                {
                    Skip(day);
                }

                if (stopAt <= nextDay)
                {
                    return (stopAt.Value, remaining, true);
                }

                cursor = nextDay;
            }
        }

        private IEnumerable<(DateTime Start, DateTime End)> Periods(DateOnly day)
        {
            yield return (day.ToDateTime(hours.MorningStart), day.ToDateTime(hours.MorningEnd));
            yield return (day.ToDateTime(hours.AfternoonStart), day.ToDateTime(hours.AfternoonEnd));
        }

        private void Skip(DateOnly day)
        {
            if (_skipped.Add(day))
            {
                var reason = calendar.WhyNotWorking(day);
                Skipped.Add(new SkippedDay(day, reason));
                Note($"Không tính {WorkingCalendar.Format(day)}: {reason}.");
            }
        }

        private void NoteMakeup(DateOnly day)
        {
            if (calendar.EntryOn(day) is { Kind: DayOffKinds.MakeupWorkday } entry && _makeups.Add(day))
            {
                Makeups.Add(day);
                Note($"Tính {WorkingCalendar.Format(day)} là ngày làm việc: {entry.Name}.");
            }
        }
    }
}
