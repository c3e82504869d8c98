package org.jotrs.observer.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_ENGINE;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_EVENT;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_PENDING;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_SITE;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Row2;
import org.jooq.impl.DSL;
import org.jotrs.observer.SiteSettings;
import org.jotrs.platform.ClusterJob;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverEventRecord;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverPendingRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds signals in the stored events, continuously, on one node of the cluster at a time. The
 * sessions are split into {@code jotrs.observer.engine-partitions} partitions by a hash of site
 * and session; each partition runs on its own thread with its own position in the event log
 * ({@link EventLogReader}, reader {@code signals.<partitions>.<partition>}), so a session's events
 * are always read by the same partition, in id order. A partition's step is one transaction: its
 * position and gaps, the clicks still waiting for their outcome, the signals, the incidents and
 * their tickets commit together, so after a crash or restart each partition carries on from its
 * last committed step and counts nothing twice. Partitions share incidents: they lock them in
 * fingerprint order, and a signal is keyed (unique per site), so reading an event again never
 * counts it again.
 */
@Component
class SignalEngine {

    private static final Logger log = LoggerFactory.getLogger(SignalEngine.class);

    static final String NAME = "signals";
    static final long GAP_HORIZON_MS = 10_000;
    /** Events this far before the first new one of a session are read with it (error loops, rage clicks). */
    static final long LOOK_BACK_MS = 30 * 60_000;
    /** A run of the cluster job keeps stepping for about this long, then lets the scheduler run it again. */
    static final long RUN_MS = 10_000;
    /** A waiting click's bucket: a hash of site and session; its partition is the bucket modulo the partitions. */
    static final int BUCKETS = 1 << 20;
    private static final int SESSIONS_PER_QUERY = 200;
    private static final int IDS_PER_QUERY = 1_000;

    private final DSLContext db;
    private final EventLogReader reader;
    private final IncidentBook book;
    private final ObserverProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SignalEngine(DSLContext db, EventLogReader reader, IncidentBook book, ObserverProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.db = db;
        this.reader = reader;
        this.book = book;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Bean
    static ClusterJob observerSignals(SignalEngine engine, ObserverProperties properties) {
        return new ClusterJob("observer.signals", properties.engineInterval(), engine::run);
    }

    static int bucket(long siteId, String session) {
        return Math.floorMod((siteId + "/" + session).hashCode(), BUCKETS);
    }

    int partitionOf(long siteId, String session) {
        return bucket(siteId, session) % properties.enginePartitions();
    }

    static String readerName(int partitions, int partition) {
        return NAME + "." + partitions + "." + partition;
    }

    List<String> readers() {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < properties.enginePartitions(); p++) {
            names.add(readerName(properties.enginePartitions(), p));
        }
        return names;
    }

    /**
     * One run of the cluster job: every partition steps on its own thread until caught up and idle
     * for {@link #RUN_MS}; meanwhile this thread resolves incidents whose ticket was closed.
     */
    void run() {
        transactions.executeWithoutResult(status -> prepare());
        long until = System.nanoTime() + RUN_MS * 1_000_000;
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int p = 0; p < properties.enginePartitions(); p++) {
            int partition = p;
            workers.add(Thread.ofPlatform().name("observer-signals-" + p).start(() -> loop(partition, until, stop)));
        }
        boolean interrupted = false;
        try {
            while (workers.stream().anyMatch(Thread::isAlive)) {
                if (ClusterJob.stopping() || Thread.currentThread().isInterrupted()) {
                    stop.set(true);
                }
                try {
                    resolveClosedTickets();
                } catch (RuntimeException e) {
                    log.warn("observer: resolving incidents of closed tickets failed: {}", e.toString());
                }
                for (Thread worker : workers) {
                    worker.join(properties.engineInterval());
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            stop.set(true);
            for (Thread worker : workers) {
                while (worker.isAlive()) {
                    try {
                        worker.join();
                    } catch (InterruptedException again) {
                        // still waiting for the partition's step to end
                    }
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop(int partition, long until, AtomicBoolean stop) {
        int failures = 0;
        while (System.nanoTime() < until && !stop.get()) {
            int done;
            try {
                done = step(partition);
                failures = 0;
            } catch (RuntimeException e) {
                // A deadlock or a conflict with another partition, or the database away: nothing committed, try again.
                failures++;
                if (failures == 1 || failures % 50 == 0) {
                    log.warn("observer signal engine partition {} step failed ({} in a row): {}", partition, failures, e.toString());
                }
                done = 0;
            }
            if (done == 0) {
                try {
                    Thread.sleep(properties.engineInterval().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Gives every partition its position, once: after an upgrade or a change of the number of
     * partitions, the new ones start from the slowest old reader with all of their gaps (reading
     * again what a faster one had read counts nothing twice), and the old readers go. Computes the
     * buckets of waiting clicks stored before they had one.
     */
    void prepare() {
        var en = JOTRS_OBSERVER_ENGINE;
        List<String> wanted = readers();
        Map<String, Long> present = new HashMap<>();
        db.select(en.NAME, en.LAST_EVENT_ID).from(en).where(en.NAME.eq(NAME).or(en.NAME.like(NAME + ".%"))).forUpdate()
                .forEach(row -> present.put(row.value1(), row.value2()));
        if (!present.keySet().containsAll(wanted)) {
            long from = present.values().stream().mapToLong(Long::longValue).min().orElse(0L);
            Set<Long> gaps = new TreeSet<>();
            present.keySet().forEach(name -> gaps.addAll(reader.gaps(name)));
            reader.remove(present.keySet());
            reader.start(wanted, from, gaps);
            log.info("observer signal engine: {} partitions from event {} (readers before: {})", wanted.size(), from,
                    present.keySet());
        } else if (present.size() > wanted.size()) {
            reader.remove(present.keySet().stream().filter(name -> !wanted.contains(name)).toList());
        }
        var p = JOTRS_OBSERVER_PENDING;
        for (var row : db.select(p.EVENT_ID, p.SITE_ID, p.SESSION_ID).from(p).where(p.BUCKET.lt(0)).fetch()) {
            db.update(p).set(p.BUCKET, bucket(row.value2(), row.value3())).where(p.EVENT_ID.eq(row.value1())).execute();
        }
    }

    /** One transaction per incident whose ticket was closed: resolved. */
    void resolveClosedTickets() {
        for (Long id : book.withClosedTickets()) {
            transactions.executeWithoutResult(status -> book.resolveClosed(id));
        }
    }

    /** One transaction of one partition: new events and waiting clicks in, signals, incidents and tickets out. */
    int step(int partition) {
        Integer done = transactions.execute(status -> stepInTransaction(partition));
        return done == null ? 0 : done;
    }

    private record PendingClick(long eventId, boolean stored, long dueAt) {
    }

    private int stepInTransaction(int partition) {
        long now = clock.millis();
        int partitions = properties.enginePartitions();
        EventLogReader.Read read = reader.next(readerName(partitions, partition), properties.engineBatch(), GAP_HORIZON_MS,
                (siteId, session) -> partitionOf(siteId, session) == partition);
        Map<Long, Seen> byId = new HashMap<>();
        List<Seen> fresh = new ArrayList<>(read.events().size());
        for (JotrsObserverEventRecord row : read.events()) {
            Seen event = seen(row);
            fresh.add(event);
            byId.put(event.id(), event);
        }

        // The sessions to look at, and from when: those with a new click or error (the rules look
        // back from those), and those with waiting clicks that may be decided now (new events in
        // their session, or their windows closed). Other events are only read, once.
        Map<String, Long> since = new LinkedHashMap<>();
        Map<String, Row2<Long, String>> sessionRows = new LinkedHashMap<>();
        Map<String, Row2<Long, String>> freshSessions = new LinkedHashMap<>();
        for (Seen event : fresh) {
            String key = key(event.siteId(), event.session());
            freshSessions.putIfAbsent(key, row(event.siteId(), event.session()));
            if (event.is("click") || event.is("error")) {
                since.merge(key, event.t() - LOOK_BACK_MS, Math::min);
                sessionRows.putIfAbsent(key, row(event.siteId(), event.session()));
            }
        }
        var p = JOTRS_OBSERVER_PENDING;
        Condition mine = p.BUCKET.mod(partitions).eq(partition);
        Map<Long, PendingClick> pending = new LinkedHashMap<>();
        List<JotrsObserverPendingRecord> waiting = new ArrayList<>(
                db.selectFrom(p).where(p.DUE_AT.le(now)).and(mine).orderBy(p.EVENT_ID).limit(properties.engineBatch()).fetch());
        List<Row2<Long, String>> touchedSessions = new ArrayList<>(freshSessions.values());
        for (int from = 0; from < touchedSessions.size(); from += SESSIONS_PER_QUERY) {
            waiting.addAll(db.selectFrom(p)
                    .where(DSL.row(p.SITE_ID, p.SESSION_ID).in(touchedSessions.subList(from,
                            Math.min(touchedSessions.size(), from + SESSIONS_PER_QUERY))))
                    .fetch());
        }
        for (JotrsObserverPendingRecord row : waiting) {
            if (pending.putIfAbsent(row.getEventId(), new PendingClick(row.getEventId(), true, row.getDueAt())) == null) {
                String key = key(row.getSiteId(), row.getSessionId());
                since.merge(key, row.getOccurredAt(), Math::min);
                sessionRows.putIfAbsent(key, row(row.getSiteId(), row.getSessionId()));
            }
        }
        if (sessionRows.isEmpty()) {
            return read.passed();
        }
        Map<Long, SiteSettings> sites = new HashMap<>();
        Set<Long> siteIds = new LinkedHashSet<>();
        for (String key : sessionRows.keySet()) {
            siteIds.add(Long.parseLong(key.substring(0, key.indexOf('/'))));
        }
        db.selectFrom(JOTRS_OBSERVER_SITE).where(JOTRS_OBSERVER_SITE.ID.in(siteIds))
                .forEach(site -> sites.put(site.getId(), JooqObservedSites.settings(site)));
        Map<String, List<Seen>> sessions = loadSessions(sessionRows, since, byId);

        List<SignalRules.Found> found = new ArrayList<>();
        for (Seen event : fresh) {
            List<Seen> session = sessions.get(key(event.siteId(), event.session()));
            SiteSettings site = sites.get(event.siteId());
            if (session == null || site == null || !(event.is("click") || event.is("error"))) {
                continue;
            }
            found.addAll(SignalRules.looking(event, session, site));
            if (event.is("click") && !SignalRules.ignored(event, site) && !pending.containsKey(event.id())) {
                pending.put(event.id(), new PendingClick(event.id(), false, 0));
            }
        }
        List<Long> decided = new ArrayList<>();
        var insert = db.insertInto(p, p.EVENT_ID, p.SITE_ID, p.SESSION_ID, p.OCCURRED_AT, p.RECEIVED_AT, p.BUCKET, p.DUE_AT);
        boolean anyInserted = false;
        long grace = properties.flushGrace().toMillis();
        for (PendingClick click : pending.values()) {
            Seen event = byId.get(click.eventId());
            SiteSettings site = event == null ? null : sites.get(event.siteId());
            if (event == null || site == null) {
                decided.add(click.eventId());
                continue;
            }
            SignalRules.Outcome outcome = SignalRules.following(event, sessions.get(key(event.siteId(), event.session())), site,
                    now, grace);
            found.addAll(outcome.found());
            long due = event.receivedAt() + Math.max(site.deadClickMs(), site.errorClickMs()) + grace + 1;
            if (outcome.decided()) {
                if (click.stored()) {
                    decided.add(click.eventId());
                }
            } else if (!click.stored()) {
                insert = insert.values(event.id(), event.siteId(), event.session(), event.t(), event.receivedAt(),
                        bucket(event.siteId(), event.session()), due);
                anyInserted = true;
            } else if (click.dueAt() <= now) {
                // Its site's windows grew since it was stored: wait for the new ones.
                db.update(p).set(p.DUE_AT, Math.max(due, now + 1)).where(p.EVENT_ID.eq(click.eventId())).execute();
            }
        }
        for (int from = 0; from < decided.size(); from += IDS_PER_QUERY) {
            db.deleteFrom(p).where(p.EVENT_ID.in(decided.subList(from, Math.min(decided.size(), from + IDS_PER_QUERY)))).execute();
        }
        if (anyInserted) {
            insert.onConflict(p.EVENT_ID).doNothing().execute();
        }
        // Incidents in fingerprint order: partitions recording the same ones lock them alike (no deadlock).
        List<Keyed> ordered = new ArrayList<>();
        for (SignalRules.Found signal : found) {
            ordered.add(new Keyed(signal.anchor().siteId(), IncidentBook.fingerprint(signal), signal));
        }
        ordered.sort(Comparator.comparingLong(Keyed::siteId).thenComparing(Keyed::fingerprint)
                .thenComparing(k -> k.found().key()));
        Set<Long> touched = new LinkedHashSet<>();
        for (Keyed keyed : ordered) {
            record(keyed.found(), touched);
        }
        book.followUp(touched, sites);
        return read.passed() + decided.size();
    }

    private record Keyed(long siteId, String fingerprint, SignalRules.Found found) {
    }

    /**
     * The events of the given sessions from their times on, sorted by time. Only the ids are read
     * first: events already read in this step are not read (nor parsed) again.
     */
    private Map<String, List<Seen>> loadSessions(Map<String, Row2<Long, String>> sessionRows, Map<String, Long> since,
            Map<Long, Seen> byId) {
        var e = JOTRS_OBSERVER_EVENT;
        List<String> keys = new ArrayList<>(sessionRows.keySet());
        List<Long> ids = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += SESSIONS_PER_QUERY) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + SESSIONS_PER_QUERY));
            long earliest = chunk.stream().mapToLong(since::get).min().orElseThrow();
            ids.addAll(db.select(e.ID).from(e).where(DSL.row(e.SITE_ID, e.SESSION_ID).in(chunk.stream().map(sessionRows::get).toList()))
                    .and(e.OCCURRED_AT.ge(earliest)).fetch(e.ID));
        }
        List<Long> unknown = ids.stream().filter(id -> !byId.containsKey(id)).toList();
        for (int from = 0; from < unknown.size(); from += IDS_PER_QUERY) {
            db.selectFrom(e).where(e.ID.in(unknown.subList(from, Math.min(unknown.size(), from + IDS_PER_QUERY))))
                    .fetch(SignalEngine::seen).forEach(event -> byId.put(event.id(), event));
        }
        Map<String, List<Seen>> sessions = new HashMap<>();
        for (Long id : ids) {
            Seen event = byId.get(id);
            if (event != null) {
                sessions.computeIfAbsent(key(event.siteId(), event.session()), k -> new ArrayList<>()).add(event);
            }
        }
        Comparator<Seen> order = Comparator.comparingLong(Seen::t).thenComparingLong(Seen::id);
        sessions.values().forEach(list -> list.sort(order));
        return sessions;
    }

    private void record(SignalRules.Found found, Set<Long> touched) {
        Long incident = book.record(found, found.anchor());
        if (incident != null) {
            touched.add(incident);
            log.debug("observer signal kind={} site={} session={} incident={}", found.kind(), found.anchor().siteId(),
                    found.anchor().session(), incident);
        }
    }

    private static Row2<Long, String> row(long siteId, String session) {
        return DSL.row(DSL.val(siteId), DSL.val(session));
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
