package org.jotrs.observer.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_ENGINE;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_EVENT;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_READER_GAP;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverEngineRecord;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverEventRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the event log ({@code jotrs_observer_event}) in id order for one named reader (a partition
 * of the signal engine, the copy to ClickHouse), from the reader's stored position
 * ({@code jotrs_observer_engine}). Ids are handed out before their transaction commits, so an id
 * below a committed one may still be invisible when the reader passes it: such ids are kept as the
 * reader's gaps ({@code jotrs_observer_reader_gap}) and read when they appear, given up after the
 * reader's horizon. Everything happens in the caller's transaction, which locks the position row:
 * the reader's position, its gaps and what the caller makes of the events commit together.
 */
@Component
class EventLogReader {

    /** Gaps a reader keeps at most (the newest); a commit later than that many ids is given up. */
    static final int MAX_GAPS = 5_000;

    /** Which events a reader takes; every visible id moves its position, taken or not. */
    interface Filter {
        boolean takes(long siteId, String sessionId);
    }

    /**
     * What one read found: the events taken, in id order, and how many visible ids it passed
     * (taken or not): 0 when the reader is caught up.
     */
    record Read(List<JotrsObserverEventRecord> events, int passed) {
    }

    private final DSLContext db;
    private final Clock clock;

    EventLogReader(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Reads up to {@code limit} visible ids past the reader's position (and late ones in its gaps),
     * moves the position and the gaps, and returns the events the filter takes (all when it is
     * null). The position row is locked until the caller's transaction ends; a reader without one
     * starts at 0.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Read next(String reader, int limit, long gapHorizonMs, Filter filter) {
        long now = clock.millis();
        var e = JOTRS_OBSERVER_EVENT;
        var g = JOTRS_OBSERVER_READER_GAP;
        JotrsObserverEngineRecord state = lock(reader);
        if (state == null) {
            start(List.of(reader), 0L, List.of());
            state = lock(reader);
        }
        db.deleteFrom(g).where(g.READER.eq(reader)).and(g.MISSED_AT.lt(now - gapHorizonMs)).execute();
        Set<Long> gaps = new LinkedHashSet<>(db.select(g.EVENT_ID).from(g).where(g.READER.eq(reader)).orderBy(g.EVENT_ID)
                .fetch(g.EVENT_ID));
        long position = state.getLastEventId();
        Condition unseen = e.ID.gt(position);
        if (!gaps.isEmpty()) {
            unseen = unseen.or(e.ID.in(gaps));
        }
        List<JotrsObserverEventRecord> events;
        List<Long> visible;
        if (filter == null) {
            events = db.selectFrom(e).where(unseen).orderBy(e.ID).limit(limit).fetch();
            visible = events.stream().map(JotrsObserverEventRecord::getId).toList();
        } else {
            // Only ids and sessions of everything visible; the rows themselves only of the events taken.
            visible = new ArrayList<>();
            List<Long> taken = new ArrayList<>();
            for (var row : db.select(e.ID, e.SITE_ID, e.SESSION_ID).from(e).where(unseen).orderBy(e.ID).limit(limit).fetch()) {
                visible.add(row.value1());
                if (filter.takes(row.value2(), row.value3())) {
                    taken.add(row.value1());
                }
            }
            events = new ArrayList<>(taken.size());
            for (int from = 0; from < taken.size(); from += 1_000) {
                events.addAll(db.selectFrom(e).where(e.ID.in(taken.subList(from, Math.min(taken.size(), from + 1_000))))
                        .orderBy(e.ID).fetch());
            }
        }
        List<Long> filled = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (long id : visible) {
            if (id <= position) {
                filled.add(id);
                continue;
            }
            for (long skipped = Math.max(position + 1, id - MAX_GAPS); skipped < id; skipped++) {
                missing.add(skipped);
            }
            position = id;
        }
        if (!filled.isEmpty()) {
            db.deleteFrom(g).where(g.READER.eq(reader)).and(g.EVENT_ID.in(filled)).execute();
        }
        addGaps(reader, missing.subList(Math.max(0, missing.size() - MAX_GAPS), missing.size()), now);
        if (position != state.getLastEventId()) {
            state.setLastEventId(position);
            state.setChangeTime(LocalDateTime.now(clock));
            state.store();
        }
        return new Read(events, visible.size());
    }

    /** Locks and returns a reader's position row; null when it has none. */
    @Transactional(propagation = Propagation.MANDATORY)
    JotrsObserverEngineRecord lock(String reader) {
        return db.selectFrom(JOTRS_OBSERVER_ENGINE).where(JOTRS_OBSERVER_ENGINE.NAME.eq(reader)).forUpdate().fetchOne();
    }

    /** Gives readers a position and gaps (another reader's, when they take over from it). */
    @Transactional(propagation = Propagation.MANDATORY)
    void start(Collection<String> readers, long position, Collection<Long> gaps) {
        for (String reader : readers) {
            db.insertInto(JOTRS_OBSERVER_ENGINE).set(JOTRS_OBSERVER_ENGINE.NAME, reader)
                    .set(JOTRS_OBSERVER_ENGINE.LAST_EVENT_ID, position)
                    .set(JOTRS_OBSERVER_ENGINE.CHANGE_TIME, LocalDateTime.now(clock))
                    .onConflictDoNothing().execute();
            addGaps(reader, List.copyOf(gaps), clock.millis());
        }
    }

    /** Removes readers, their positions and their gaps. */
    @Transactional(propagation = Propagation.MANDATORY)
    void remove(Collection<String> readers) {
        if (readers.isEmpty()) {
            return;
        }
        db.deleteFrom(JOTRS_OBSERVER_READER_GAP).where(JOTRS_OBSERVER_READER_GAP.READER.in(readers)).execute();
        db.deleteFrom(JOTRS_OBSERVER_ENGINE).where(JOTRS_OBSERVER_ENGINE.NAME.in(readers)).execute();
    }

    /** A reader's gaps. */
    List<Long> gaps(String reader) {
        var g = JOTRS_OBSERVER_READER_GAP;
        return db.select(g.EVENT_ID).from(g).where(g.READER.eq(reader)).orderBy(g.EVENT_ID).fetch(g.EVENT_ID);
    }

    private void addGaps(String reader, List<Long> ids, long now) {
        var g = JOTRS_OBSERVER_READER_GAP;
        for (int from = 0; from < ids.size(); from += 1_000) {
            var insert = db.insertInto(g, g.READER, g.EVENT_ID, g.MISSED_AT);
            for (Long id : ids.subList(from, Math.min(ids.size(), from + 1_000))) {
                insert = insert.values(reader, id, now);
            }
            insert.onConflict(g.READER, g.EVENT_ID).doNothing().execute();
        }
    }
}
