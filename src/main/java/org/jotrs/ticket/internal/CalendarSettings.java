package org.jotrs.ticket.internal;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jotrs.platform.Messages;
import org.jotrs.platform.Setting;
import org.jotrs.platform.Setting.Formatted;
import org.jotrs.platform.Setting.RefusedValue;
import org.jotrs.platform.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The working-time calendar as runtime settings (Admin › Settings, group "Calendar"), OTRS's
 * {@code TimeWorkingHours}, {@code TimeVacationDays}, {@code TimeVacationDaysOneTime} and
 * {@code TimeZone}: working hours per weekday, holidays, time zone. Defaults are OTRS's
 * (Monday to Friday 08:00–21:00, its vacation days) under {@code jotrs.calendar.*}. Escalations
 * and the queues' unlock timeout count in it; every queue uses this one calendar (Jotrs has no
 * SLAs and no numbered calendars yet, docs/decisions.md). Read on every use, so a change applies
 * to the next computation on every node.
 */
@Component
class CalendarSettings {

    private static final Logger log = LoggerFactory.getLogger(CalendarSettings.class);
    private static final String GROUP = "Calendar";
    static final String HOLIDAYS = "calendar.holidays";
    static final String TIME_ZONE = "calendar.time-zone";

    private final Settings settings;

    CalendarSettings(Settings settings) {
        this.settings = settings;
    }

    static String hoursKey(DayOfWeek day) {
        return "calendar.hours." + day.name().toLowerCase(Locale.ROOT);
    }

    private static Setting hoursSetting(DayOfWeek day) {
        String name = day.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        return new Setting(hoursKey(day), GROUP, "Working hours on " + name,
                "Working hours on " + name + " in the calendar's time zone, as ranges like 08:00-12:00, 13:00-17:00; "
                        + "empty for a day off. Escalation times and unlock timeouts count only working hours "
                        + "(OTRS TimeWorkingHours).",
                new Formatted(200, CalendarSettings::checkHours));
    }

    @Bean
    static Setting calendarMondaySetting() {
        return hoursSetting(DayOfWeek.MONDAY);
    }

    @Bean
    static Setting calendarTuesdaySetting() {
        return hoursSetting(DayOfWeek.TUESDAY);
    }

    @Bean
    static Setting calendarWednesdaySetting() {
        return hoursSetting(DayOfWeek.WEDNESDAY);
    }

    @Bean
    static Setting calendarThursdaySetting() {
        return hoursSetting(DayOfWeek.THURSDAY);
    }

    @Bean
    static Setting calendarFridaySetting() {
        return hoursSetting(DayOfWeek.FRIDAY);
    }

    @Bean
    static Setting calendarSaturdaySetting() {
        return hoursSetting(DayOfWeek.SATURDAY);
    }

    @Bean
    static Setting calendarSundaySetting() {
        return hoursSetting(DayOfWeek.SUNDAY);
    }

    @Bean
    static Setting calendarHolidaysSetting() {
        return new Setting(HOLIDAYS, GROUP, "Holidays",
                "Days without working hours: 12-25 for every year, 2031-04-18 for one day, separated by commas "
                        + "(OTRS TimeVacationDays and TimeVacationDaysOneTime).",
                new Formatted(4000, CalendarSettings::checkHolidays));
    }

    @Bean
    static Setting calendarTimeZoneSetting() {
        return new Setting(TIME_ZONE, GROUP, "Time zone",
                "The time zone of the working hours and holidays, such as Europe/Berlin; empty for the server's "
                        + "(OTRS TimeZone).",
                new Formatted(100, CalendarSettings::checkZone));
    }

    static String checkHours(String text) throws RefusedValue {
        try {
            List<WorkingCalendar.Span> spans = WorkingCalendar.hours(text);
            // Stored in one spelling (08:00-12:00, 13:00-17:00), whatever spaces were typed.
            return String.join(", ", spans.stream().map(span -> span.start() + "-"
                    + (span.end() == null ? "24:00" : span.end().toString())).toList());
        } catch (IllegalArgumentException e) {
            throw new RefusedValue(Messages.t("validation.calendar.hours"));
        }
    }

    static String checkHolidays(String text) throws RefusedValue {
        try {
            WorkingCalendar.holidays(text);
            return String.join(", ", java.util.Arrays.stream(text.split(",")).map(String::strip)
                    .filter(entry -> !entry.isEmpty()).toList());
        } catch (IllegalArgumentException e) {
            throw new RefusedValue(Messages.t("validation.calendar.holidays"));
        }
    }

    static String checkZone(String text) throws RefusedValue {
        try {
            WorkingCalendar.zone(text, ZoneId.of("UTC"));
            return text;
        } catch (IllegalArgumentException e) {
            throw new RefusedValue(Messages.t("validation.calendar.time-zone", text));
        }
    }

    /**
     * The calendar as the settings say now; in {@code serverZone} (the zone of the caller's clock)
     * when none is set. A value that no longer parses (changed in the table by hand) falls back to
     * OTRS's default calendar and says so.
     */
    WorkingCalendar current(ZoneId serverZone) {
        ZoneId fallback = serverZone;
        try {
            Map<DayOfWeek, List<WorkingCalendar.Span>> week = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                week.put(day, WorkingCalendar.hours(settings.text(hoursKey(day))));
            }
            WorkingCalendar.Holidays holidays = WorkingCalendar.holidays(settings.text(HOLIDAYS));
            ZoneId zone = WorkingCalendar.zone(settings.text(TIME_ZONE), fallback);
            return new WorkingCalendar(week, holidays.yearly(), holidays.once(), zone);
        } catch (IllegalArgumentException e) {
            log.warn("The calendar settings do not parse ({}); counting in OTRS's default calendar", e.getMessage());
            return WorkingCalendar.otrsDefault(fallback);
        }
    }
}
