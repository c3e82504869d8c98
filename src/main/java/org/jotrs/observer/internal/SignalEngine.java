package org.jotrs.observer.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_ENGINE;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_ENGINE_GAP;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_EVENT;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_PENDING;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_SITE;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Row2;
import org.jooq.impl.DSL;
import org.jotrs.observer.SiteSettings;
import org.jotrs.platform.ClusterJob;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverEngineRecord;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverEventRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds signals in the stored events, continuously, on one node of the cluster at a time. It reads
 * events in id order from its stored position; ids not yet visible when it passed them (their
 * transaction committed later) are remembered as gaps and read when they appear (given up after
 * {@link #GAP_HORIZON_MS}). The position, the gaps, the clicks still waiting for their outcome,
 * the signals, the incidents and their tickets change in one transaction per step: after a crash
 * or restart the engine carries on from the last committed step, and counts nothing twice.
 */
@Component
class SignalEngine {

    private static final Logger log = LoggerFactory.getLogger(SignalEngine.class);

    static final String NAME = "signals";
    static final long GAP_HORIZON_MS = 10_000;
    static final int MAX_GAPS = 5_000;
    /** Events this far before the first new one of a session are read with it (error loops, rage clicks). */
    static final long LOOK_BACK_MS = 30 * 60_000;
    /** A run of the cluster job keeps stepping for about this long, then lets the scheduler run it again. */
    static final long RUN_MS = 10_000;
    private static final int SESSIONS_PER_QUERY = 200;

    private final DSLContext db;
    private final IncidentBook book;
    private final ObserverProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SignalEngine(DSLContext db, IncidentBook book, ObserverProperties properties, PlatformTransactionManager transactions,
            Clock clock) {
        this.db = db;
        this.book = book;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Bean
    static ClusterJob observerSignals(SignalEngine engine, ObserverProperties properties) {
        return new ClusterJob("observer.signals", properties.engineInterval(), engine::run);
    }

    /** One run of the cluster job: steps until caught up and idle for {@link #RUN_MS}. */
    void run() {
        long until = System.nanoTime() + RUN_MS * 1_000_000;
        while (System.nanoTime() < until && !Thread.currentThread().isInterrupted() && !ClusterJob.stopping()) {
            int done = step();
            if (done == 0) {
                try {
                    Thread.sleep(properties.engineInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One transaction: new events and pending clicks in, signals, incidents and tickets out. */
    int step() {
        Integer done = transactions.execute(status -> stepInTransaction());
        return done == null ? 0 : done;
    }

    private record PendingClick(long eventId, boolean stored) {
    }

    private int stepInTransaction() {
        long now = clock.millis();
        var e = JOTRS_OBSERVER_EVENT;
        JotrsObserverEngineRecord state = db.selectFrom(JOTRS_OBSERVER_ENGINE).where(JOTRS_OBSERVER_ENGINE.NAME.eq(NAME))
                .forUpdate().fetchOne();
        if (state == null) {
            db.insertInto(JOTRS_OBSERVER_ENGINE).set(JOTRS_OBSERVER_ENGINE.NAME, NAME)
                    .set(JOTRS_OBSERVER_ENGINE.LAST_EVENT_ID, 0L)
                    .set(JOTRS_OBSERVER_ENGINE.CHANGE_TIME, LocalDateTime.now(clock))
                    .onConflictDoNothing().execute();
            return 1;
        }
        db.deleteFrom(JOTRS_OBSERVER_ENGINE_GAP).where(JOTRS_OBSERVER_ENGINE_GAP.MISSED_AT.lt(now - GAP_HORIZON_MS)).execute();
        Set<Long> gaps = new LinkedHashSet<>(db.select(JOTRS_OBSERVER_ENGINE_GAP.EVENT_ID).from(JOTRS_OBSERVER_ENGINE_GAP)
                .orderBy(JOTRS_OBSERVER_ENGINE_GAP.EVENT_ID).fetch(JOTRS_OBSERVER_ENGINE_GAP.EVENT_ID));
        long position = state.getLastEventId();
        Condition unseen = e.ID.gt(position);
        if (!gaps.isEmpty()) {
            unseen = unseen.or(e.ID.in(gaps));
        }
        List<Seen> fresh = db.selectFrom(e).where(unseen).orderBy(e.ID).limit(properties.engineBatch()).fetch(SignalEngine::seen);
        List<Long> filled = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (Seen event : fresh) {
            if (event.id() <= position) {
                filled.add(event.id());
                continue;
            }
            for (long id = Math.max(position + 1, event.id() - MAX_GAPS); id < event.id(); id++) {
                missing.add(id);
            }
            position = event.id();
        }
        if (!filled.isEmpty()) {
            db.deleteFrom(JOTRS_OBSERVER_ENGINE_GAP).where(JOTRS_OBSERVER_ENGINE_GAP.EVENT_ID.in(filled)).execute();
        }
        if (!missing.isEmpty()) {
            var insert = db.insertInto(JOTRS_OBSERVER_ENGINE_GAP, JOTRS_OBSERVER_ENGINE_GAP.EVENT_ID, JOTRS_OBSERVER_ENGINE_GAP.MISSED_AT);
            for (Long id : missing.subList(Math.max(0, missing.size() - MAX_GAPS), missing.size())) {
                insert = insert.values(id, now);
            }
            insert.onConflict(JOTRS_OBSERVER_ENGINE_GAP.EVENT_ID).doNothing().execute();
        }
        if (position != state.getLastEventId()) {
            state.setLastEventId(position);
            state.setChangeTime(LocalDateTime.now(clock));
            state.store();
        }

        var p = JOTRS_OBSERVER_PENDING;
        Map<Long, PendingClick> pending = new LinkedHashMap<>();
        Map<String, Long> earliest = new HashMap<>();
        Map<String, Row2<Long, String>> sessionRows = new LinkedHashMap<>();
        for (var row : db.selectFrom(p).orderBy(p.EVENT_ID).limit(properties.engineBatch()).fetch()) {
            pending.put(row.getEventId(), new PendingClick(row.getEventId(), true));
            noteSession(row.getSiteId(), row.getSessionId(), row.getOccurredAt(), earliest, sessionRows);
        }
        for (Seen event : fresh) {
            noteSession(event.siteId(), event.session(), event.t(), earliest, sessionRows);
        }
        if (sessionRows.isEmpty()) {
            // Nothing to look at; tickets may still have been closed meanwhile.
            book.followUp(Set.of(), Map.of());
            return fresh.size();
        }
        Map<Long, SiteSettings> sites = new HashMap<>();
        Set<Long> siteIds = new LinkedHashSet<>();
        for (String key : sessionRows.keySet()) {
            siteIds.add(Long.parseLong(key.substring(0, key.indexOf('/'))));
        }
        db.selectFrom(JOTRS_OBSERVER_SITE).where(JOTRS_OBSERVER_SITE.ID.in(siteIds))
                .forEach(site -> sites.put(site.getId(), JooqObservedSites.settings(site)));

        Map<String, List<Seen>> sessions = new HashMap<>();
        Map<Long, Seen> byId = new HashMap<>();
        List<String> keys = new ArrayList<>(sessionRows.keySet());
        for (int from = 0; from < keys.size(); from += SESSIONS_PER_QUERY) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + SESSIONS_PER_QUERY));
            long since = chunk.stream().mapToLong(earliest::get).min().orElse(now) - LOOK_BACK_MS;
            db.selectFrom(e).where(DSL.row(e.SITE_ID, e.SESSION_ID).in(chunk.stream().map(sessionRows::get).toList()))
                    .and(e.OCCURRED_AT.ge(since))
                    .orderBy(e.OCCURRED_AT, e.ID)
                    .fetch(SignalEngine::seen)
                    .forEach(event -> {
                        sessions.computeIfAbsent(key(event.siteId(), event.session()), k -> new ArrayList<>()).add(event);
                        byId.put(event.id(), event);
                    });
        }

        Set<Long> touched = new LinkedHashSet<>();
        for (Seen event : fresh) {
            Seen same = byId.get(event.id());
            SiteSettings site = sites.get(event.siteId());
            if (same == null || site == null) {
                continue;
            }
            List<Seen> session = sessions.get(key(same.siteId(), same.session()));
            for (SignalRules.Found found : SignalRules.looking(same, session, site)) {
                record(found, touched);
            }
            if (same.is("click") && !SignalRules.ignored(same, site) && !pending.containsKey(same.id())) {
                pending.put(same.id(), new PendingClick(same.id(), false));
            }
        }
        List<Long> decided = new ArrayList<>();
        var waiting = db.insertInto(p, p.EVENT_ID, p.SITE_ID, p.SESSION_ID, p.OCCURRED_AT, p.RECEIVED_AT);
        boolean anyWaiting = false;
        for (PendingClick click : pending.values()) {
            Seen event = byId.get(click.eventId());
            SiteSettings site = event == null ? null : sites.get(event.siteId());
            if (event == null || site == null) {
                decided.add(click.eventId());
                continue;
            }
            SignalRules.Outcome outcome = SignalRules.following(event, sessions.get(key(event.siteId(), event.session())), site,
                    now, properties.flushGrace().toMillis());
            for (SignalRules.Found found : outcome.found()) {
                record(found, touched);
            }
            if (outcome.decided()) {
                if (click.stored()) {
                    decided.add(click.eventId());
                }
            } else if (!click.stored()) {
                waiting = waiting.values(event.id(), event.siteId(), event.session(), event.t(), event.receivedAt());
                anyWaiting = true;
            }
        }
        if (!decided.isEmpty()) {
            db.deleteFrom(p).where(p.EVENT_ID.in(decided)).execute();
        }
        if (anyWaiting) {
            waiting.onConflict(p.EVENT_ID).doNothing().execute();
        }
        book.followUp(touched, sites);
        return fresh.size() + decided.size();
    }

    private void record(SignalRules.Found found, Set<Long> touched) {
        Long incident = book.record(found, found.anchor());
        if (incident != null) {
            touched.add(incident);
            log.debug("observer signal kind={} site={} session={} incident={}", found.kind(), found.anchor().siteId(),
                    found.anchor().session(), incident);
        }
    }

    private static void noteSession(long siteId, String session, long t, Map<String, Long> earliest,
            Map<String, Row2<Long, String>> rows) {
        String key = key(siteId, session);
        earliest.merge(key, t, Math::min);
        rows.putIfAbsent(key, DSL.row(DSL.val(siteId), DSL.val(session)));
    }

    private static String key(long siteId, String session) {
        return siteId + "/" + session;
    }

    static Seen seen(JotrsObserverEventRecord r) {
        return new Seen(r.getId(), r.getEventUuid(), r.getSiteId(), r.getSessionId(), r.getUserRef(), r.getKind(),
                r.getOccurredAt(), r.getReceivedAt(), r.getUrl(), r.getBrowser(), r.getAppRelease(),
                EventBatch.JSON.readTree(r.getData()));
    }
}
