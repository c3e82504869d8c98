package org.jotrs.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** OTRS's default calendar as the unlock timeout counts it: Monday to Friday 08:00–21:00, its vacation days. */
class WorkingHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final WorkingHours hours = new WorkingHours(BERLIN);

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, BERLIN).toInstant();
    }

    @Test
    void countsOnlyWorkingHoursOfWorkingDays() {
        // Tuesday 7 January 2031, 07:00 to 09:00: one working hour (from 08:00).
        assertThat(hours.reached(at(2031, 1, 7, 7, 0), at(2031, 1, 7, 9, 0), Duration.ofMinutes(60))).isTrue();
        assertThat(hours.reached(at(2031, 1, 7, 7, 0), at(2031, 1, 7, 8, 59), Duration.ofMinutes(60))).isFalse();
        // Hour 20 counts whole (OTRS lists hours 8 to 20): 20:00 to 21:00 is an hour, 21:00 to 23:00 none.
        assertThat(hours.reached(at(2031, 1, 7, 20, 0), at(2031, 1, 7, 23, 0), Duration.ofMinutes(60))).isTrue();
        assertThat(hours.reached(at(2031, 1, 7, 21, 0), at(2031, 1, 8, 7, 59), Duration.ofMinutes(1))).isFalse();
        // A weekend counts nothing: Saturday 11 to Sunday 12 January, all day.
        assertThat(hours.reached(at(2031, 1, 11, 0, 0), at(2031, 1, 12, 23, 59), Duration.ofMinutes(1))).isFalse();
        // Nor do OTRS's vacation days: Wednesday 24 to Friday 26 December 2031, then Monday 29 counts.
        assertThat(hours.reached(at(2031, 12, 24, 0, 0), at(2031, 12, 28, 23, 0), Duration.ofMinutes(1))).isFalse();
        assertThat(hours.reached(at(2031, 12, 24, 0, 0), at(2031, 12, 29, 8, 1), Duration.ofMinutes(1))).isTrue();
        // A whole working week holds 5 × 13 hours.
        assertThat(hours.reached(at(2031, 1, 6, 0, 0), at(2031, 1, 12, 23, 0), Duration.ofHours(65))).isTrue();
        assertThat(hours.reached(at(2031, 1, 6, 0, 0), at(2031, 1, 12, 23, 0), Duration.ofHours(65).plusMinutes(1))).isFalse();
    }

    @Test
    void aSummerTimeDayCountsThirteenLocalHours() {
        // Monday 31 March 2031, the day after the change to summer time: 08:00–21:00 local time, 13 hours.
        assertThat(hours.reached(at(2031, 3, 31, 0, 0), at(2031, 3, 31, 23, 0), Duration.ofHours(13))).isTrue();
        assertThat(hours.reached(at(2031, 3, 31, 0, 0), at(2031, 3, 31, 23, 0), Duration.ofHours(13).plusSeconds(1))).isFalse();
    }

    @Test
    void noTimeNeededIsReachedAtOnceAndAnEndBeforeTheStartNever() {
        assertThat(hours.reached(at(2031, 1, 11, 12, 0), at(2031, 1, 11, 12, 0), Duration.ZERO)).isTrue();
        assertThat(hours.reached(at(2031, 1, 7, 12, 0), at(2031, 1, 7, 11, 0), Duration.ofMinutes(1))).isFalse();
    }
}
