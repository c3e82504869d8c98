package org.jotrs.live.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_LIVE_VIEWER;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The viewer rows ({@code jotrs_live_viewer}): one per open zoom on any node. Each write is one
 * statement on its own (no surrounding transaction): presence is a best-effort signal that
 * heals itself with the next heartbeat.
 */
@Component
class Viewers {

    private final DSLContext db;

    Viewers(DSLContext db) {
        this.db = db;
    }

    void arrive(String viewerId, long ticketId, int agentId, LocalDateTime now) {
        db.insertInto(JOTRS_LIVE_VIEWER)
                .set(JOTRS_LIVE_VIEWER.VIEWER_ID, viewerId)
                .set(JOTRS_LIVE_VIEWER.TICKET_ID, ticketId)
                .set(JOTRS_LIVE_VIEWER.USER_ID, agentId)
                .set(JOTRS_LIVE_VIEWER.LAST_SEEN, now)
                .execute();
    }

    /** Refreshes the heartbeat; false when the row is gone (purged as stale meanwhile). */
    boolean stillThere(String viewerId, LocalDateTime now) {
        return db.update(JOTRS_LIVE_VIEWER)
                .set(JOTRS_LIVE_VIEWER.LAST_SEEN, now)
                .where(JOTRS_LIVE_VIEWER.VIEWER_ID.eq(viewerId))
                .execute() > 0;
    }

    void leave(String viewerId) {
        db.deleteFrom(JOTRS_LIVE_VIEWER).where(JOTRS_LIVE_VIEWER.VIEWER_ID.eq(viewerId)).execute();
    }

    /** Per ticket, the agents (id to full name) with a heartbeat since the given time. */
    Map<Long, Map<Integer, String>> current(Collection<Long> ticketIds, LocalDateTime seenSince) {
        Map<Long, Map<Integer, String>> viewers = new HashMap<>();
        db.selectDistinct(JOTRS_LIVE_VIEWER.TICKET_ID, JOTRS_LIVE_VIEWER.USER_ID, USERS.FIRST_NAME, USERS.LAST_NAME)
                .from(JOTRS_LIVE_VIEWER)
                .join(USERS).on(USERS.ID.eq(JOTRS_LIVE_VIEWER.USER_ID))
                .where(JOTRS_LIVE_VIEWER.TICKET_ID.in(ticketIds))
                .and(JOTRS_LIVE_VIEWER.LAST_SEEN.ge(seenSince))
                .orderBy(USERS.FIRST_NAME, USERS.LAST_NAME)
                .forEach(r -> viewers.computeIfAbsent(r.value1(), ticket -> new LinkedHashMap<>())
                        .put(r.value2(), fullName(r.value3(), r.value4())));
        return viewers;
    }

    /** Rows of streams whose node stopped without saying goodbye. */
    void forgetSeenBefore(LocalDateTime before) {
        db.deleteFrom(JOTRS_LIVE_VIEWER).where(JOTRS_LIVE_VIEWER.LAST_SEEN.lt(before)).execute();
    }

    /** Full names of agents, as the zoom shows them. */
    Map<Integer, String> names(Collection<Integer> agentIds) {
        Map<Integer, String> names = new HashMap<>();
        db.select(USERS.ID, USERS.FIRST_NAME, USERS.LAST_NAME).from(USERS).where(USERS.ID.in(agentIds))
                .forEach(r -> names.put(r.value1(), fullName(r.value2(), r.value3())));
        return names;
    }

    private static String fullName(String first, String last) {
        return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    }
}
