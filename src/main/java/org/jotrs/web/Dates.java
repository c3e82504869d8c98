package org.jotrs.web;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

import org.jotrs.platform.Messages;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;

/**
 * How pages show times: OTRS's compact form ("2026-11-23 14:05" in English, "23.11.2026 14:05"
 * in German: the pattern is the bundle's {@code format.datetime}), in the signed-in agent's time
 * zone, and ages ("2 h", "3 d").
 *
 * <p>Times are stored in the server's zone (as OTRS does). The agent's zone and language come
 * from Spring's locale context of the request, which the web module's locale resolver fills
 * (lazily: a form post that ends in a redirect reads no preference at all).
 */
public final class Dates {

    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private static volatile ZoneId storedZone = ZoneId.systemDefault();

    private Dates() {
    }

    /** The zone times are stored in: the server's clock zone, set once at start-up. */
    public static void storedIn(ZoneId zone) {
        storedZone = zone;
    }

    public static String format(LocalDateTime time) {
        if (time == null) {
            return "";
        }
        Locale locale = Messages.locale();
        String pattern = Messages.t("format.datetime");
        DateTimeFormatter formatter = FORMATTERS.computeIfAbsent(pattern + "|" + locale.toLanguageTag(),
                k -> DateTimeFormatter.ofPattern(pattern, locale));
        return formatter.format(convert(time, storedZone, agentZone()));
    }

    /** A stored time as a {@code datetime-local} input takes it, in the agent's zone ("2026-11-23T14:05"); "" for none. */
    public static String inputValue(LocalDateTime time) {
        if (time == null) {
            return "";
        }
        return convert(time, storedZone, agentZone()).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
    }

    /** How long ago {@code time} was, in the largest whole unit: "45 min", "2 h", "3 d". */
    public static String age(LocalDateTime time, LocalDateTime now) {
        if (time == null) {
            return "";
        }
        long minutes = Math.max(0, Duration.between(time, now).toMinutes());
        if (minutes < 60) {
            return Messages.t("format.age.minutes", minutes);
        }
        if (minutes < 48 * 60) {
            return Messages.t("format.age.hours", minutes / 60);
        }
        return Messages.t("format.age.days", minutes / (24 * 60));
    }

    /** The zone the agent reads times in (the server's outside an agent request). */
    public static ZoneId agentZone() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        if (context instanceof TimeZoneAwareLocaleContext zoned) {
            TimeZone zone = zoned.getTimeZone();
            if (zone != null) {
                return zone.toZoneId();
            }
        }
        return storedZone;
    }

    /**
     * A time the agent entered (in their zone), as it is stored (in the server's zone): the
     * inverse of {@link #format}.
     */
    public static LocalDateTime entered(LocalDateTime agentTime) {
        return agentTime == null ? null : convert(agentTime, agentZone(), storedZone);
    }

    private static LocalDateTime convert(LocalDateTime time, ZoneId from, ZoneId to) {
        return from.equals(to) ? time : time.atZone(from).withZoneSameInstant(to).toLocalDateTime();
    }
}
