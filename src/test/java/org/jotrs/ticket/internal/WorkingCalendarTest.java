package org.jotrs.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jotrs.platform.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The working-time calendar: OTRS's default (Monday to Friday 08:00–21:00, its vacation days) and
 * calendars from the settings' text, adding working minutes across nights, weekends, holidays and
 * daylight-saving changes, and counting working time between two instants.
 */
class WorkingCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final WorkingCalendar otrs = WorkingCalendar.otrsDefault(BERLIN);

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return at(BERLIN, year, month, day, hour, minute);
    }

    private static Instant at(ZoneId zone, int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, zone).toInstant();
    }

    private static ZonedDateTime local(Instant instant) {
        return instant.atZone(BERLIN);
    }

    /** Every day with the same hours, no holidays. */
    private static WorkingCalendar everyDay(String hours, ZoneId zone) {
        Map<DayOfWeek, List<WorkingCalendar.Span>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, WorkingCalendar.hours(hours));
        }
        return new WorkingCalendar(week, Set.of(), Set.of(), zone);
    }

    // Tuesday 7 January 2031 .. in Berlin; 6 January 2031 is a Monday.
    @ParameterizedTest(name = "{0} + {1} min = {2}")
    @CsvSource({
            // within one working day
            "2031-01-07T09:00, 60, 2031-01-07T10:00",
            "2031-01-07T09:00, 1, 2031-01-07T09:01",
            "2031-01-07T08:00, 780, 2031-01-07T21:00",
            // before working hours: counted from 08:00
            "2031-01-07T06:30, 30, 2031-01-07T08:30",
            "2031-01-07T00:00, 1, 2031-01-07T08:01",
            // across the night
            "2031-01-07T20:30, 60, 2031-01-08T08:30",
            "2031-01-07T21:00, 1, 2031-01-08T08:01",
            "2031-01-07T23:59, 15, 2031-01-08T08:15",
            "2031-01-07T20:59, 1, 2031-01-07T21:00",
            "2031-01-07T20:59, 2, 2031-01-08T08:01",
            // across the weekend: Friday 10 January evening to Monday 13 January
            "2031-01-10T20:00, 120, 2031-01-13T09:00",
            "2031-01-11T12:00, 10, 2031-01-13T08:10",
            "2031-01-12T23:00, 60, 2031-01-13T09:00",
            // a whole working week is 5 x 13 hours
            "2031-01-06T08:00, 3900, 2031-01-10T21:00",
            "2031-01-06T08:00, 3901, 2031-01-13T08:01",
            // several days at once: 2 days of 13 h plus 1 h
            "2031-01-07T08:00, 1620, 2031-01-09T09:00",
            // OTRS's vacation days: 24, 25, 26 and 31 December and 1 January
            "2031-12-23T20:00, 120, 2031-12-29T09:00",
            "2031-12-30T20:30, 60, 2032-01-02T08:30",
            "2031-04-30T20:00, 120, 2031-05-02T09:00",
    })
    void addsWorkingMinutesInOtrsDefaultCalendar(String start, long minutes, String expected) {
        Instant from = java.time.LocalDateTime.parse(start).atZone(BERLIN).toInstant();
        Instant to = otrs.addWorkingMinutes(from, minutes).orElseThrow();
        assertThat(local(to).toLocalDateTime()).isEqualTo(java.time.LocalDateTime.parse(expected));
        // Adding and counting agree: exactly that much working time lies between the two.
        assertThat(otrs.workingTime(from, to)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void zeroMinutesIsTheStartItselfEvenOutsideWorkingHours() {
        Instant saturday = at(2031, 1, 11, 12, 0);
        assertThat(otrs.addWorkingMinutes(saturday, 0)).contains(saturday);
        assertThatThrownBy(() -> otrs.addWorkingMinutes(saturday, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secondsOfTheStartAreKept() {
        Instant start = at(2031, 1, 7, 9, 0).plusSeconds(17);
        assertThat(otrs.addWorkingMinutes(start, 1)).contains(start.plusSeconds(60));
    }

    @Test
    void springForwardDayInsideWorkingHoursIsOneRealHourShorter() {
        // Sunday 30 March 2031: clocks jump from 02:00 to 03:00. A calendar working 00:00-06:00 every day
        // has five real hours that night, so five hours from midnight end at 06:00 local time.
        WorkingCalendar night = everyDay("00:00-06:00", BERLIN);
        Instant midnight = at(2031, 3, 30, 0, 0);
        assertThat(local(night.addWorkingMinutes(midnight, 300).orElseThrow()).toLocalDateTime())
                .isEqualTo(java.time.LocalDateTime.of(2031, 3, 30, 6, 0));
        assertThat(night.workingTime(midnight, at(2031, 3, 30, 6, 0))).isEqualTo(Duration.ofHours(5));
        // The sixth hour is the next night's first.
        assertThat(local(night.addWorkingMinutes(midnight, 360).orElseThrow()).toLocalDateTime())
                .isEqualTo(java.time.LocalDateTime.of(2031, 3, 31, 1, 0));
    }

    @Test
    void fallBackDayInsideWorkingHoursIsOneRealHourLonger() {
        // Sunday 26 October 2031: clocks go back from 03:00 to 02:00; 00:00-06:00 holds seven real hours.
        WorkingCalendar night = everyDay("00:00-06:00", BERLIN);
        Instant midnight = at(2031, 10, 26, 0, 0);
        assertThat(night.workingTime(midnight, at(2031, 10, 26, 6, 0))).isEqualTo(Duration.ofHours(7));
        assertThat(night.addWorkingMinutes(midnight, 420)).contains(at(2031, 10, 26, 6, 0));
    }

    @Test
    void aSummerTimeChangeOutsideWorkingHoursChangesNothing() {
        // Friday 28 March 2031 20:00 plus two hours: over the weekend of the change, Monday 09:00 local.
        Instant friday = at(2031, 3, 28, 20, 0);
        assertThat(local(otrs.addWorkingMinutes(friday, 120).orElseThrow()).toLocalDateTime())
                .isEqualTo(java.time.LocalDateTime.of(2031, 3, 31, 9, 0));
        // Monday 31 March, the first summer-time working day, still has 13 hours.
        assertThat(otrs.workingTime(at(2031, 3, 31, 0, 0), at(2031, 3, 31, 23, 0))).isEqualTo(Duration.ofHours(13));
    }

    @Test
    void theCalendarsZoneDecidesWhatIsAWorkingHour() {
        WorkingCalendar newYork = WorkingCalendar.otrsDefault(NEW_YORK);
        // 14:00 in Berlin on Tuesday 7 January 2031 is 08:00 in New York: one hour later is 09:00 there.
        Instant start = at(2031, 1, 7, 14, 0);
        assertThat(newYork.addWorkingMinutes(start, 60)).contains(at(NEW_YORK, 2031, 1, 7, 9, 0));
        // 03:00 in Berlin on Wednesday is 21:00 on Tuesday in New York: after hours there.
        assertThat(newYork.addWorkingMinutes(at(2031, 1, 8, 3, 0), 1)).contains(at(NEW_YORK, 2031, 1, 8, 8, 1));
    }

    @Test
    void splitDaysAndMidnightEnds() {
        Map<DayOfWeek, List<WorkingCalendar.Span>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.TUESDAY, WorkingCalendar.hours("08:00-12:00, 13:00-17:00"));
        week.put(DayOfWeek.WEDNESDAY, WorkingCalendar.hours("22:00-24:00"));
        WorkingCalendar calendar = new WorkingCalendar(week, Set.of(), Set.of(), BERLIN);
        // The lunch break does not count: 4 h 30 min from Tuesday 08:00 is 13:30.
        assertThat(calendar.addWorkingMinutes(at(2031, 1, 7, 8, 0), 270)).contains(at(2031, 1, 7, 13, 30));
        assertThat(calendar.addWorkingMinutes(at(2031, 1, 7, 12, 30), 30)).contains(at(2031, 1, 7, 13, 30));
        // After 8 hours on Tuesday, Wednesday's late shift runs until midnight.
        assertThat(calendar.addWorkingMinutes(at(2031, 1, 7, 8, 0), 600)).contains(at(2031, 1, 9, 0, 0));
        // Then a week later.
        assertThat(calendar.addWorkingMinutes(at(2031, 1, 7, 8, 0), 601)).contains(at(2031, 1, 14, 8, 1));
        assertThat(calendar.workingTime(at(2031, 1, 6, 0, 0), at(2031, 1, 13, 0, 0))).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void oneTimeAndYearlyHolidays() {
        WorkingCalendar.Holidays holidays = WorkingCalendar.holidays("04-18, 2031-01-08");
        assertThat(holidays.yearly()).containsExactly(MonthDay.of(4, 18));
        assertThat(holidays.once()).containsExactly(LocalDate.of(2031, 1, 8));
        Map<DayOfWeek, List<WorkingCalendar.Span>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, WorkingCalendar.hours("09:00-17:00"));
        }
        WorkingCalendar calendar = new WorkingCalendar(week, holidays.yearly(), holidays.once(), BERLIN);
        // Wednesday 8 January 2031 is off once: Tuesday 16:00 + 2 h is Thursday 10:00.
        assertThat(calendar.addWorkingMinutes(at(2031, 1, 7, 16, 0), 120)).contains(at(2031, 1, 9, 10, 0));
        // A year later the 8 January works again.
        assertThat(calendar.addWorkingMinutes(at(2032, 1, 7, 16, 0), 120)).contains(at(2032, 1, 8, 10, 0));
        // 18 April is off every year (a Friday in 2031, a Sunday in 2032).
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 4, 18))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2033, 4, 18))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 4, 17))).isTrue();
    }

    @Test
    void aCalendarWithoutWorkingHoursNeverReachesADeadline() {
        WorkingCalendar none = new WorkingCalendar(Map.of(), Set.of(), Set.of(), BERLIN);
        assertThat(none.addWorkingMinutes(at(2031, 1, 7, 9, 0), 1)).isEmpty();
        assertThat(none.workingTime(at(2031, 1, 1, 0, 0), at(2031, 12, 31, 0, 0))).isZero();
    }

    @Test
    void countsOnlyWorkingHoursOfWorkingDays() {
        // Tuesday 7 January 2031, 07:00 to 09:00: one working hour (from 08:00).
        assertThat(otrs.reached(at(2031, 1, 7, 7, 0), at(2031, 1, 7, 9, 0), Duration.ofMinutes(60))).isTrue();
        assertThat(otrs.reached(at(2031, 1, 7, 7, 0), at(2031, 1, 7, 8, 59), Duration.ofMinutes(60))).isFalse();
        // Hour 20 counts whole (OTRS lists hours 8 to 20): 20:00 to 21:00 is an hour, 21:00 to 23:00 none.
        assertThat(otrs.reached(at(2031, 1, 7, 20, 0), at(2031, 1, 7, 23, 0), Duration.ofMinutes(60))).isTrue();
        assertThat(otrs.reached(at(2031, 1, 7, 21, 0), at(2031, 1, 8, 7, 59), Duration.ofMinutes(1))).isFalse();
        // A weekend counts nothing: Saturday 11 to Sunday 12 January, all day.
        assertThat(otrs.reached(at(2031, 1, 11, 0, 0), at(2031, 1, 12, 23, 59), Duration.ofMinutes(1))).isFalse();
        // Nor do OTRS's vacation days: Wednesday 24 to Friday 26 December 2031, then Monday 29 counts.
        assertThat(otrs.reached(at(2031, 12, 24, 0, 0), at(2031, 12, 28, 23, 0), Duration.ofMinutes(1))).isFalse();
        assertThat(otrs.reached(at(2031, 12, 24, 0, 0), at(2031, 12, 29, 8, 1), Duration.ofMinutes(1))).isTrue();
        // A whole working week holds 5 × 13 hours.
        assertThat(otrs.reached(at(2031, 1, 6, 0, 0), at(2031, 1, 12, 23, 0), Duration.ofHours(65))).isTrue();
        assertThat(otrs.reached(at(2031, 1, 6, 0, 0), at(2031, 1, 12, 23, 0), Duration.ofHours(65).plusMinutes(1))).isFalse();
    }

    @Test
    void noTimeNeededIsReachedAtOnceAndAnEndBeforeTheStartNever() {
        assertThat(otrs.reached(at(2031, 1, 11, 12, 0), at(2031, 1, 11, 12, 0), Duration.ZERO)).isTrue();
        assertThat(otrs.reached(at(2031, 1, 7, 12, 0), at(2031, 1, 7, 11, 0), Duration.ofMinutes(1))).isFalse();
        assertThat(otrs.workingTime(at(2031, 1, 7, 12, 0), at(2031, 1, 7, 11, 0))).isZero();
    }

    @Test
    void theSettingsTextIsCheckedAndStoredInOneSpelling() throws Exception {
        assertThat(CalendarSettings.checkHours("8:00 - 12:00 ,13:00-17:30")).isEqualTo("08:00-12:00, 13:00-17:30");
        assertThat(CalendarSettings.checkHours("")).isEmpty();
        assertThat(CalendarSettings.checkHours("22:00-24:00")).isEqualTo("22:00-24:00");
        assertThat(CalendarSettings.checkHolidays(" 12-25,2031-04-18 ")).isEqualTo("12-25, 2031-04-18");
        assertThat(CalendarSettings.checkZone("Europe/Berlin")).isEqualTo("Europe/Berlin");
        assertThat(CalendarSettings.checkZone("")).isEmpty();
        for (String wrong : List.of("8-17", "08:00-07:00", "08:00-12:00, 11:00-13:00", "13:00-17:00, 08:00-12:00",
                "25:00-26:00", "08:00-08:00", "08:60-09:00", "00:00-24:00, 01:00-02:00", "nine to five")) {
            assertThatThrownBy(() -> CalendarSettings.checkHours(wrong)).as(wrong).isInstanceOf(Setting.RefusedValue.class);
        }
        for (String wrong : List.of("02-30", "13-01", "2031-02-29", "25.12.", "christmas")) {
            assertThatThrownBy(() -> CalendarSettings.checkHolidays(wrong)).as(wrong).isInstanceOf(Setting.RefusedValue.class);
        }
        assertThatThrownBy(() -> CalendarSettings.checkZone("Mars/Olympus")).isInstanceOf(Setting.RefusedValue.class);
    }
}
