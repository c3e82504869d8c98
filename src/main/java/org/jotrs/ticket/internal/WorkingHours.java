package org.jotrs.ticket.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Set;

/**
 * OTRS's default calendar (Kernel/Config/Defaults.pm): {@code TimeWorkingHours} Monday to Friday
 * hours 8 to 20 (each listed hour counts whole, so 08:00–21:00), no weekend hours, and
 * {@code TimeVacationDays} 1 January, 1 May, 24, 25, 26 and 31 December. Jotrs has no per-queue
 * or per-SLA calendars yet, so every queue counts in this one (docs/decisions.md).
 */
final class WorkingHours {

    private static final LocalTime DAY_START = LocalTime.of(8, 0);
    private static final LocalTime DAY_END = LocalTime.of(21, 0);
    private static final Set<MonthDay> VACATION_DAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1),
            MonthDay.of(12, 24), MonthDay.of(12, 25), MonthDay.of(12, 26), MonthDay.of(12, 31));

    private final ZoneId zone;

    WorkingHours(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Whether at least {@code needed} of working time lies between {@code from} and {@code to}
     * (OTRS's {@code WorkingTime(StartTime, StopTime) >= needed}); stops counting once it has.
     */
    boolean reached(Instant from, Instant to, Duration needed) {
        if (needed.isZero() || needed.isNegative()) {
            return true;
        }
        if (!to.isAfter(from)) {
            return false;
        }
        long neededSeconds = needed.toSeconds();
        long counted = 0;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant start = max(from, day.atTime(DAY_START).atZone(zone).toInstant());
            Instant end = min(to, day.atTime(DAY_END).atZone(zone).toInstant());
            if (end.isAfter(start)) {
                counted += Duration.between(start, end).toSeconds();
                if (counted >= neededSeconds) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !VACATION_DAYS.contains(MonthDay.from(day));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
