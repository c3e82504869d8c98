package org.jotrs.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * How pages show times: OTRS's compact "2026-11-23 14:05", in the signed-in agent's time zone.
 *
 * <p>Times are stored in the server's zone (as OTRS does); {@code AgentTimeZones} sets both zones
 * for the request before the page is rendered and clears them afterwards, so templates keep
 * calling {@link #format} without passing the agent around. The agent's zone is a preference in
 * the database, read only when the request first shows or reads a time: a form post that ends in
 * a redirect does not read it at all.
 */
public final class Dates {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The zones of the agent request being handled; unset outside an agent request. */
    private static final ThreadLocal<Zones> ZONES = new ThreadLocal<>();

    private Dates() {
    }

    public static String format(LocalDateTime time) {
        if (time == null) {
            return "";
        }
        Zones zones = ZONES.get();
        return MINUTES.format(zones == null ? time : convert(time, zones.stored, zones.agent()));
    }

    /**
     * A time the agent entered (in their zone), as it is stored (in the server's zone): the
     * inverse of {@link #format}.
     */
    public static LocalDateTime entered(LocalDateTime agentTime) {
        Zones zones = ZONES.get();
        return agentTime == null || zones == null ? agentTime : convert(agentTime, zones.agent(), zones.stored);
    }

    /** Shows this request's times in the agent's zone; they were stored in {@code storedZone}. */
    public static void useZones(ZoneId storedZone, Supplier<ZoneId> agentZone) {
        ZONES.set(new Zones(storedZone, agentZone));
    }

    /** Back to showing times as stored. */
    public static void clearZones() {
        ZONES.remove();
    }

    private static LocalDateTime convert(LocalDateTime time, ZoneId from, ZoneId to) {
        return from.equals(to) ? time : time.atZone(from).withZoneSameInstant(to).toLocalDateTime();
    }

    /** The stored zone, and the agent's, looked up once when first needed. */
    private static final class Zones {

        private final ZoneId stored;
        private final Supplier<ZoneId> agentLookup;
        private ZoneId agent;

        private Zones(ZoneId stored, Supplier<ZoneId> agentLookup) {
            this.stored = stored;
            this.agentLookup = agentLookup;
        }

        private ZoneId agent() {
            if (agent == null) {
                agent = agentLookup.get();
            }
            return agent;
        }
    }
}
