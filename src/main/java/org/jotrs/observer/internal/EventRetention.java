package org.jotrs.observer.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_ENGINE;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_EVENT;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_PENDING;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_READER_GAP;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_SIGNAL;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_SITE;

import java.time.Clock;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.platform.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes each site's events older than its retention (by when they were received), and the
 * signals found in them, in batches of {@code jotrs.observer.retention-batch} per transaction.
 * Only events the signal engine is done with go: at or below the position of its slowest
 * partition, not a gap a partition may still read, not a click waiting for its outcome. Incidents
 * keep their counts; their sample story shrinks with the events. A deleted event cannot come back as new: the ingestion refuses events
 * older than {@code max-event-age} (24 h), and the shortest retention is a day. With ClickHouse on,
 * only events the copy to ClickHouse is done with go as well (at or below its position, not one of
 * its gaps): while ClickHouse is unreachable the main database keeps the events.
 */
@Component
class EventRetention {

    private static final Logger log = LoggerFactory.getLogger(EventRetention.class);
    private static final long DAY_MS = 86_400_000L;

    private final DSLContext db;
    private final ObserverProperties properties;
    private final ClickHouseProperties clickHouse;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EventRetention(DSLContext db, ObserverProperties properties, ClickHouseProperties clickHouse,
            PlatformTransactionManager transactions, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clickHouse = clickHouse;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Bean
    static ClusterJob observerRetention(EventRetention retention, ObserverProperties properties) {
        return new ClusterJob("observer.retention", properties.retentionInterval(), retention::run);
    }

    /** One run: every site, batch after batch, until nothing old is left or the node stops. */
    void run() {
        var s = JOTRS_OBSERVER_SITE;
        for (var site : db.select(s.ID, s.RETENTION_DAYS).from(s).fetch()) {
            long cutoff = clock.millis() - site.value2() * DAY_MS;
            long events = 0;
            long signals = 0;
            while (!ClusterJob.stopping() && !Thread.currentThread().isInterrupted()) {
                int[] deleted = transactions.execute(status -> deleteBatch(site.value1(), cutoff));
                events += deleted[0];
                signals += deleted[1];
                if (deleted[0] < properties.retentionBatch() && deleted[1] < properties.retentionBatch()) {
                    break;
                }
            }
            if (events + signals > 0) {
                log.info("observer retention site={} days={} events-deleted={} signals-deleted={}", site.value1(), site.value2(),
                        events, signals);
            }
        }
    }

    /** One batch of old events and one of old signals; {events, signals} deleted. */
    int[] deleteBatch(long siteId, long cutoff) {
        var e = JOTRS_OBSERVER_EVENT;
        // The positions first: whatever is pending or a gap at or below them was written with them or later.
        // The slowest partition of the signal engine counts (and the old single reader, before its first run).
        var en = JOTRS_OBSERVER_ENGINE;
        var g = JOTRS_OBSERVER_READER_GAP;
        Condition engine = en.NAME.eq(SignalEngine.NAME).or(en.NAME.like(SignalEngine.NAME + ".%"));
        Long position = db.select(DSL.min(en.LAST_EVENT_ID)).from(en).where(engine).fetchOne(0, Long.class);
        if (position == null) {
            return new int[] {0, 0};
        }
        var done = e.ID.le(position);
        Condition readers = g.READER.eq(SignalEngine.NAME).or(g.READER.like(SignalEngine.NAME + ".%"));
        if (clickHouse.enabled()) {
            Long copied = db.select(en.LAST_EVENT_ID).from(en).where(en.NAME.eq(ClickHouseForwarder.NAME)).fetchOne(en.LAST_EVENT_ID);
            if (copied == null) {
                return new int[] {0, 0};
            }
            done = done.and(e.ID.le(copied));
            readers = readers.or(g.READER.eq(ClickHouseForwarder.NAME));
        }
        List<Long> ids = db.select(e.ID).from(e)
                .where(e.SITE_ID.eq(siteId)).and(e.RECEIVED_AT.lt(cutoff)).and(done)
                .and(e.ID.notIn(db.select(JOTRS_OBSERVER_PENDING.EVENT_ID).from(JOTRS_OBSERVER_PENDING)))
                .and(e.ID.notIn(db.select(g.EVENT_ID).from(g).where(readers)))
                .orderBy(e.ID).limit(properties.retentionBatch()).fetch(e.ID);
        int events = ids.isEmpty() ? 0 : db.deleteFrom(e).where(e.ID.in(ids)).execute();
        var sg = JOTRS_OBSERVER_SIGNAL;
        List<Long> signalIds = db.select(sg.ID).from(sg).where(sg.SITE_ID.eq(siteId)).and(sg.OCCURRED_AT.lt(cutoff))
                .and(sg.EVENT_ID.le(position)).orderBy(sg.ID).limit(properties.retentionBatch()).fetch(sg.ID);
        int signals = signalIds.isEmpty() ? 0 : db.deleteFrom(sg).where(sg.ID.in(signalIds)).execute();
        return new int[] {events, signals};
    }
}
