using OneStop.Platform.Calendar;
using static OneStop.Counters.Tests.TestCalendar;
using OneStop.Platform.Domain;

namespace OneStop.Counters.Tests;

/// <summary>
/// Golden table of due dates on the real 2021–2026 calendar with the default office hours (07:00–11:30, 13:30–17:00).
/// Each row was worked out by hand; the comment says how.
/// </summary>
public sealed class DueDateGoldenTests
{
    private const string D = LegalTimeUnits.WorkingDay;
    private const string H = LegalTimeUnits.WorkingHour;

    public static TheoryData<string, string, decimal, string, string> Golden => new()
    {
        // case, received (Vietnam time), legal value, unit, expected due
        { "ordinary weekday: 1 day = 8 working hours later", "2024-03-04 09:00", 1, D, "2024-03-05 09:00" },
        { "received at opening: due at closing the same day", "2024-03-04 07:00", 1, D, "2024-03-04 17:00" },
        { "after closing on Friday: starts Monday 07:00", "2024-03-08 17:30", 1, D, "2024-03-11 17:00" },
        { "exactly at closing time counts as after hours", "2024-03-04 17:00", 1, D, "2024-03-05 17:00" },
        { "received on Saturday: starts Monday morning", "2024-03-09 10:00", 1, D, "2024-03-11 17:00" },
        { "before opening: starts at 07:00", "2024-03-04 06:00", 2, H, "2024-03-04 09:00" },
        { "lunch break: starts 13:30, 3.5 h left that day, 0.5 h next morning", "2024-03-04 12:00", 4, H, "2024-03-05 07:30" },
        { "11:30 sharp is the lunch break", "2024-03-04 11:30", 1, H, "2024-03-04 14:30" },
        { "8 working hours = 1 working day", "2024-03-04 10:00", 8, H, "2024-03-05 10:00" },
        { "New Year 2025: 1 h on 31/12, Wed 1/1 skipped, 7 h on 2/1", "2024-12-31 16:00", 1, D, "2025-01-02 16:00" },
        { "Tết 2024: 5 h on 7/2, then 8/2–14/2 off (holidays, weekend, compensatory), 3 h on 15/2", "2024-02-07 10:00", 1, D, "2024-02-15 10:00" },
        { "Tết 2024: received on a Tết holiday, hour-based", "2024-02-08 09:00", 4, H, "2024-02-15 11:00" },
        { "Tết 2025: 0.5 h on 24/1, 25/1–2/2 off, 8 h on 3/2, 7.5 h on 4/2", "2025-01-24 16:30", 2, D, "2025-02-04 16:30" },
        { "30/4 2024: Mon 29/4 swapped off, make-up Saturday 4/5 counted", "2024-04-26 09:00", 3, D, "2024-05-04 09:00" },
        { "30/4 2025: after hours Friday, next working morning is make-up Saturday 26/4", "2025-04-25 17:30", 1, D, "2025-04-26 17:00" },
        { "New Year 2026: Thu 1/1 holiday and Fri 2/1 swapped off", "2025-12-31 14:00", 1, D, "2026-01-05 14:00" },
        { "Quốc khánh 2025: 1–2/9 off", "2025-08-29 15:00", 1, D, "2025-09-03 15:00" },
        { "Tết 2021: 3.5 h on 9/2, 10/2–16/2 off (incl. compensatory 15–16/2), 8 h on 17/2, 4.5 h on 18/2", "2021-02-09 13:30", 2, D, "2021-02-18 11:30" },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Due_dates_match_the_golden_table(string @case, string received, decimal value, string unit, string expected)
    {
        var result = DueDateCalculator.Compute(Shipped, OfficeHours.Default, new DueDateInput(At(received), new LegalTime(value, unit)));
        result.DueAt.ShouldBe(At(expected), @case);
        result.Explanation.ShouldNotBeEmpty();
        result.Explanation[^1].ShouldStartWith("Hạn giải quyết:");
    }

    [Fact]
    public void Suspend_and_resume_continue_the_remaining_time_from_the_resume()
    {
        // 3 days = 24 h from Mon 4/3 09:00; 6 h on Monday, 3 h Tuesday until the stop at 10:00 → 15 h left.
        // Resume Mon 11/3 14:00: 3 h that day, 8 h Tuesday, 4 h Wednesday → Wed 13/3 11:00.
        var input = new DueDateInput(At("2024-03-04 09:00"), new LegalTime(3, LegalTimeUnits.WorkingDay),
            [new ClockStop(At("2024-03-05 10:00"), At("2024-03-11 14:00"))]);
        var result = DueDateCalculator.Compute(Shipped, OfficeHours.Default, input);

        result.DueAt.ShouldBe(At("2024-03-13 11:00"));
        result.Explanation.ShouldContain(l => l.Contains("Ngừng tính thời gian từ 10:00 Thứ Ba 05/03/2024 đến 14:00 Thứ Hai 11/03/2024") && l.Contains("1 ngày 7 giờ"));
    }

    [Fact]
    public void Resuming_during_the_lunch_break_continues_at_1330()
    {
        // 8 h: 6 h Monday, 1 h Tuesday until 08:00 → 1 h left; resume Thu 12:15 → counting restarts 13:30 → 14:30.
        var input = new DueDateInput(At("2024-03-04 09:00"), new LegalTime(1, LegalTimeUnits.WorkingDay),
            [new ClockStop(At("2024-03-05 08:00"), At("2024-03-07 12:15"))]);
        var result = DueDateCalculator.Compute(Shipped, OfficeHours.Default, input);

        result.DueAt.ShouldBe(At("2024-03-07 14:30"));
        result.Explanation.ShouldContain(l => l.Contains("tiếp tục tính trong giờ nghỉ trưa"));
    }

    [Fact]
    public void Resuming_over_Tet_skips_the_holidays()
    {
        // 1 day from Mon 5/2/2024 07:00; stop at 09:00 (2 h used, 6 h left); resume Fri 9/2 (Tết) → Thu 15/2 07:00: 4.5 h + 1.5 h after lunch.
        var input = new DueDateInput(At("2024-02-05 07:00"), new LegalTime(1, LegalTimeUnits.WorkingDay),
            [new ClockStop(At("2024-02-05 09:00"), At("2024-02-09 10:00"))]);
        var result = DueDateCalculator.Compute(Shipped, OfficeHours.Default, input);

        result.DueAt.ShouldBe(At("2024-02-15 15:00"));
        result.SkippedDays.Select(s => s.Date).ShouldContain(new DateOnly(2024, 2, 14));
    }

    [Fact]
    public void A_stop_after_the_due_date_changes_nothing()
    {
        var input = new DueDateInput(At("2024-03-04 09:00"), new LegalTime(1, LegalTimeUnits.WorkingDay),
            [new ClockStop(At("2024-03-06 10:00"), At("2024-03-08 10:00"))]);
        var result = DueDateCalculator.Compute(Shipped, OfficeHours.Default, input);

        result.DueAt.ShouldBe(At("2024-03-05 09:00"));
        result.Explanation.ShouldContain(l => l.Contains("không làm thay đổi hạn"));
    }

    [Fact]
    public void A_stop_within_one_minute_changes_nothing_and_a_resume_before_the_stop_is_refused()
    {
        // An obligation met in the same minute it was asked (a payment confirmed at once) stops no whole minute.
        var input = new DueDateInput(At("2024-03-04 09:00"), new LegalTime(1, LegalTimeUnits.WorkingDay),
            [new ClockStop(At("2024-03-04 10:00").AddSeconds(5), At("2024-03-04 10:00").AddSeconds(40))]);
        DueDateCalculator.Compute(Shipped, OfficeHours.Default, input).DueAt.ShouldBe(At("2024-03-05 09:00"));

        var backwards = new DueDateInput(At("2024-03-04 09:00"), new LegalTime(1, LegalTimeUnits.WorkingDay),
            [new ClockStop(At("2024-03-04 10:00"), At("2024-03-04 09:30"))]);
        Should.Throw<ArgumentException>(() => DueDateCalculator.Compute(Shipped, OfficeHours.Default, backwards));
    }

    [Fact]
    public void Extensions_add_working_time_with_their_reason()
    {
        var input = new DueDateInput(At("2024-03-04 09:00"), new LegalTime(1, LegalTimeUnits.WorkingDay),
            Extensions: [new Extension(new LegalTime(1, LegalTimeUnits.WorkingDay), "Cần xác minh thêm tại cơ sở")]);
        var result = DueDateCalculator.Compute(Shipped, OfficeHours.Default, input);

        result.DueAt.ShouldBe(At("2024-03-06 09:00"));
        result.Explanation.ShouldContain(l => l.Contains("Gia hạn thêm 1 ngày làm việc (lý do: Cần xác minh thêm tại cơ sở)"));
    }

    [Fact]
    public void The_explanation_names_the_skipped_days_and_the_make_up_Saturday()
    {
        var result = DueDateCalculator.Compute(Shipped, OfficeHours.Default,
            new DueDateInput(At("2024-04-26 09:00"), new LegalTime(3, LegalTimeUnits.WorkingDay)));

        var text = string.Join("\n", result.Explanation);
        text.ShouldContain("Không tính Thứ Bảy 27/04/2024: nghỉ cuối tuần.");
        text.ShouldContain("Không tính Thứ Hai 29/04/2024: Nghỉ hoán đổi");
        text.ShouldContain("Không tính Thứ Ba 30/04/2024: Ngày Chiến thắng");
        text.ShouldContain("Tính Thứ Bảy 04/05/2024 là ngày làm việc: Làm bù");
        result.MakeupDaysCounted.ShouldBe([new DateOnly(2024, 5, 4)]);
    }

    [Fact]
    public void The_explanation_says_why_the_start_moved()
    {
        var tet = DueDateCalculator.Compute(Shipped, OfficeHours.Default,
            new DueDateInput(At("2025-01-24 17:45"), new LegalTime(1, LegalTimeUnits.WorkingDay)));
        tet.Explanation.ShouldContain(l => l.Contains("sau giờ làm việc: bắt đầu tính từ 07:00 Thứ Hai 03/02/2025"));
        tet.Explanation.ShouldContain(l => l.Contains("Tết Nguyên đán Ất Tỵ (mùng 1)"));
        tet.StartAt.ShouldBe(At("2025-02-03 07:00"));
    }

    [Theory]
    [InlineData("2027-01-05 09:00", 1)]
    [InlineData("2020-12-30 09:00", 1)]
    [InlineData("2026-12-30 09:00", 5)] // starts in 2026 but runs into 2027
    public void A_year_the_calendar_does_not_cover_fails_clearly(string received, int days)
    {
        var e = Should.Throw<CalendarNotCoveredException>(() => DueDateCalculator.Compute(Shipped, OfficeHours.Default,
            new DueDateInput(At(received), new LegalTime(days, LegalTimeUnits.WorkingDay))));
        e.Message.ShouldContain("chưa có dữ liệu năm");
        e.Message.ShouldContain("2021, 2022, 2023, 2024, 2025, 2026");
    }

    [Fact]
    public void A_unit_with_its_own_hours_counts_on_them()
    {
        // Winter schedule 07:30–12:00, 13:00–16:30 (still 8 h): 12:30 is lunch → 13:00, 4 h → 3.5 h that day + 0.5 h next morning.
        var winter = new OfficeHours(new(7, 30), new(12, 0), new(13, 0), new(16, 30));
        winter.Problems().ShouldBeEmpty();
        var result = DueDateCalculator.Compute(Shipped, winter, new DueDateInput(At("2024-03-04 12:30"), new LegalTime(4, LegalTimeUnits.WorkingHour)));
        result.DueAt.ShouldBe(At("2024-03-05 08:00"));
    }

    [Fact]
    public void Office_hours_must_total_eight_hours_in_order()
    {
        new OfficeHours(new(7, 0), new(11, 0), new(13, 30), new(17, 0)).Problems().ShouldNotBeEmpty();
        new OfficeHours(new(13, 0), new(11, 0), new(13, 30), new(17, 0)).Problems().ShouldNotBeEmpty();
        OfficeHours.Default.Problems().ShouldBeEmpty();
    }

    [Fact]
    public void Vietnam_time_is_UTC_plus_7()
    {
        VietnamTime.ToLocal(new DateTimeOffset(2024, 3, 4, 2, 0, 0, TimeSpan.Zero)).ShouldBe(At("2024-03-04 09:00"));
        VietnamTime.FromLocal(At("2024-03-04 09:00")).UtcDateTime.ShouldBe(new DateTime(2024, 3, 4, 2, 0, 0, DateTimeKind.Utc));
    }
}
