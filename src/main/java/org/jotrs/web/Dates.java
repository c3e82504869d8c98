package org.jotrs.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How pages show times: OTRS's compact "2026-11-23 14:05", in the signed-in agent's time zone.
 *
 * <p>Times are stored in the server's zone (as OTRS does); {@code AgentTimeZones} sets both zones
 * for the request before the page is rendered and clears them afterwards, so templates keep
 * calling {@link #format} without passing the agent around.
 */
public final class Dates {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** (stored zone, agent zone) of the request being rendered; unset outside an agent request. */
    private static final ThreadLocal<ZoneId[]> ZONES = new ThreadLocal<>();

    private Dates() {
    }

    public static String format(LocalDateTime time) {
        if (time == null) {
            return "";
        }
        ZoneId[] zones = ZONES.get();
        LocalDateTime shown = zones == null || zones[0].equals(zones[1]) ? time
                : time.atZone(zones[0]).withZoneSameInstant(zones[1]).toLocalDateTime();
        return MINUTES.format(shown);
    }

    /** Shows this request's times in {@code agentZone}; they were stored in {@code storedZone}. */
    public static void useZones(ZoneId storedZone, ZoneId agentZone) {
        ZONES.set(new ZoneId[] {storedZone, agentZone});
    }

    /** Back to showing times as stored. */
    public static void clearZones() {
        ZONES.remove();
    }
}
