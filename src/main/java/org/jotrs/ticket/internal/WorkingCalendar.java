package org.jotrs.ticket.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A working-time calendar as OTRS's {@code TimeWorkingHours}, {@code TimeVacationDays},
 * {@code TimeVacationDaysOneTime} and {@code TimeZone} describe one: working hours per weekday (as
 * local times of the calendar's zone), yearly and one-time holidays. It answers the two questions
 * OTRS's escalation and unlock code ask of a calendar: when {@code n} minutes of working time
 * after an instant have passed ({@code DestinationTime}), and how much working time lies between
 * two instants ({@code WorkingTime}).
 *
 * <p>Hours are local clock times, so a working day that a daylight-saving change shortens or
 * lengthens counts the hours that really pass (08:00–21:00 on a spring-forward day is still 13
 * hours unless the gap falls into it). Instants are whole seconds, as OTRS's epoch columns are.
 */
final class WorkingCalendar {

    /** OTRS's default calendar: Monday to Friday hours 8 to 20, each counting whole, so 08:00–21:00. */
    static final String DEFAULT_WEEKDAY_HOURS = "08:00-21:00";
    /** OTRS's default {@code TimeVacationDays}. */
    static final String DEFAULT_HOLIDAYS = "01-01, 05-01, 12-24, 12-25, 12-26, 12-31";

    /** How far ahead to look for working time before deciding there is none (a calendar of holidays only). */
    private static final int MAX_DAYS = 3 * 366;

    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");
    private static final Pattern YEARLY = Pattern.compile("(\\d{2})-(\\d{2})");
    private static final Pattern ONCE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    /** Working hours of one day, from {@code start} to {@code end}; an end of 24:00 is {@code null}. */
    record Span(LocalTime start, LocalTime end) {
    }

    private final Map<DayOfWeek, List<Span>> week;
    private final Set<MonthDay> yearlyHolidays;
    private final Set<LocalDate> oneTimeHolidays;
    private final ZoneId zone;

    WorkingCalendar(Map<DayOfWeek, List<Span>> week, Set<MonthDay> yearlyHolidays, Set<LocalDate> oneTimeHolidays,
            ZoneId zone) {
        EnumMap<DayOfWeek, List<Span>> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            copy.put(day, List.copyOf(week.getOrDefault(day, List.of())));
        }
        this.week = copy;
        this.yearlyHolidays = Set.copyOf(yearlyHolidays);
        this.oneTimeHolidays = Set.copyOf(oneTimeHolidays);
        this.zone = zone;
    }

    /** OTRS's default calendar in the given zone. */
    static WorkingCalendar otrsDefault(ZoneId zone) {
        Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
        List<Span> weekday = hours(DEFAULT_WEEKDAY_HOURS);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, weekday);
        }
        Holidays holidays = holidays(DEFAULT_HOLIDAYS);
        return new WorkingCalendar(week, holidays.yearly(), holidays.once(), zone);
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * Working hours of a day as written in the settings: ranges {@code HH:MM-HH:MM} separated by
     * commas, in order and not overlapping; {@code 24:00} ends a range at midnight; empty for none.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static List<Span> hours(String text) {
        List<Span> spans = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return spans;
        }
        for (String part : text.split(",")) {
            Matcher m = RANGE.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a range like 08:00-17:00: " + part.strip());
            }
            LocalTime start = time(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), false, part);
            LocalTime end = time(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), true, part);
            if (end != null && !end.isAfter(start)) {
                throw new IllegalArgumentException("the range ends before it starts: " + part.strip());
            }
            if (!spans.isEmpty()) {
                Span previous = spans.getLast();
                if (previous.end() == null || start.isBefore(previous.end())) {
                    throw new IllegalArgumentException("ranges overlap or are out of order: " + part.strip());
                }
            }
            spans.add(new Span(start, end));
        }
        return spans;
    }

    private static LocalTime time(int hour, int minute, boolean mayBeMidnight, String part) {
        if (mayBeMidnight && hour == 24 && minute == 0) {
            return null;
        }
        if (hour > 23 || minute > 59) {
            throw new IllegalArgumentException("not a time of day: " + part.strip());
        }
        return LocalTime.of(hour, minute);
    }

    /** Yearly ({@code MM-DD}) and one-time ({@code YYYY-MM-DD}) holidays. */
    record Holidays(Set<MonthDay> yearly, Set<LocalDate> once) {
    }

    /**
     * Holidays as written in the settings: {@code MM-DD} every year, {@code YYYY-MM-DD} once,
     * separated by commas; empty for none.
     *
     * @throws IllegalArgumentException naming the entry that is not a date
     */
    static Holidays holidays(String text) {
        Set<MonthDay> yearly = new java.util.HashSet<>();
        Set<LocalDate> once = new java.util.HashSet<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",")) {
                String entry = part.strip();
                if (entry.isEmpty()) {
                    continue;
                }
                try {
                    Matcher m = ONCE.matcher(entry);
                    Matcher y = YEARLY.matcher(entry);
                    if (m.matches()) {
                        once.add(LocalDate.parse(entry));
                    } else if (y.matches()) {
                        yearly.add(MonthDay.of(Integer.parseInt(y.group(1)), Integer.parseInt(y.group(2))));
                    } else {
                        throw new IllegalArgumentException("not a date like 12-25 or 2031-04-18: " + entry);
                    }
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("not a date like 12-25 or 2031-04-18: " + entry);
                }
            }
        }
        return new Holidays(yearly, once);
    }

    /**
     * A time zone as written in the settings: an IANA name such as {@code Europe/Berlin}, or
     * empty for {@code fallback} (the server's).
     *
     * @throws IllegalArgumentException when the name is unknown
     */
    static ZoneId zone(String text, ZoneId fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone: " + text.strip());
        }
    }

    boolean isWorkingDay(LocalDate day) {
        return !week.get(day.getDayOfWeek()).isEmpty() && !yearlyHolidays.contains(MonthDay.from(day))
                && !oneTimeHolidays.contains(day);
    }

    /**
     * The instant at which {@code minutes} of working time after {@code start} have passed (OTRS's
     * {@code DestinationTime}). A start outside working hours counts from the next working hour;
     * the result is never outside working hours unless {@code minutes} is 0 (then it is {@code start}).
     * Empty when the calendar has no working time in the next three years.
     */
    Optional<Instant> addWorkingMinutes(Instant start, long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative: " + minutes);
        }
        long remaining = minutes * 60;
        if (remaining == 0) {
            return Optional.of(start);
        }
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Span span : week.get(day.getDayOfWeek())) {
                Instant from = max(start, startOf(day, span));
                Instant to = endOf(day, span);
                if (!to.isAfter(from)) {
                    continue;
                }
                long available = Duration.between(from, to).toSeconds();
                if (remaining <= available) {
                    return Optional.of(from.plusSeconds(remaining));
                }
                remaining -= available;
            }
        }
        return Optional.empty();
    }

    /** The working time between two instants (OTRS's {@code WorkingTime}); zero when {@code to} is not after {@code from}. */
    Duration workingTime(Instant from, Instant to) {
        return counted(from, to, Long.MAX_VALUE);
    }

    /**
     * Whether at least {@code needed} of working time lies between {@code from} and {@code to}
     * (OTRS's {@code WorkingTime(StartTime, StopTime) >= needed}); stops counting once it has.
     */
    boolean reached(Instant from, Instant to, Duration needed) {
        if (needed.isZero() || needed.isNegative()) {
            return true;
        }
        return counted(from, to, needed.toSeconds()).toSeconds() >= needed.toSeconds();
    }

    private Duration counted(Instant from, Instant to, long enough) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        long counted = 0;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Span span : week.get(day.getDayOfWeek())) {
                Instant start = max(from, startOf(day, span));
                Instant end = min(to, endOf(day, span));
                if (end.isAfter(start)) {
                    counted += Duration.between(start, end).toSeconds();
                    if (counted >= enough) {
                        return Duration.ofSeconds(counted);
                    }
                }
            }
        }
        return Duration.ofSeconds(counted);
    }

    private Instant startOf(LocalDate day, Span span) {
        // A start inside a daylight-saving gap moves to the first instant after it (ZonedDateTime's rule).
        return day.atTime(span.start()).atZone(zone).toInstant();
    }

    private Instant endOf(LocalDate day, Span span) {
        return span.end() == null ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : day.atTime(span.end()).atZone(zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
