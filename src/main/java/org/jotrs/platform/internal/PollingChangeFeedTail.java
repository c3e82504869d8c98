package org.jotrs.platform.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_CHANGE_FEED;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.platform.ChangeFeedTail;
import org.jotrs.platform.FeedChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls {@code jotrs_change_feed} by id with one indexed query per interval.
 *
 * <p>Ids are taken when a row is inserted but become visible when its transaction commits, so a
 * transaction holding id 10 may commit after id 11 was read. The tail therefore keeps, besides its
 * position (the highest id delivered), the ids it skipped below that position: the gaps. Each poll
 * reads {@code id > position OR id IN (gaps)}; an id is delivered when first seen and then leaves
 * the gaps (or is below the new position), so every committed row is delivered exactly once. A gap
 * still missing after {@code gap-horizon} is given up: its transaction rolled back (or the
 * database skipped the id, as sequences with a cache do after a restart).
 */
@Component
class PollingChangeFeedTail implements ChangeFeedTail, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingChangeFeedTail.class);

    /** On start, ids this far below the end are looked at: missing ones may still be in flight. */
    private static final int START_LOOK_BACK = 100;

    private final DSLContext db;
    private final Clock clock;
    private final ChangeFeedTailProperties properties;
    private final List<Consumer<List<FeedChange>>> listeners = new CopyOnWriteArrayList<>();
    /** Missing ids below the position, with when they were first missed; oldest first. */
    private final LinkedHashMap<Long, Instant> gaps = new LinkedHashMap<>();
    private Long position;
    private volatile ScheduledExecutorService poller;
    private final java.util.concurrent.atomic.AtomicBoolean wakePending = new java.util.concurrent.atomic.AtomicBoolean();

    PollingChangeFeedTail(DSLContext db, Clock clock, ChangeFeedTailProperties properties) {
        this.db = db;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public Subscription subscribe(Consumer<List<FeedChange>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public long latestId() {
        Long max = db.select(DSL.max(JOTRS_CHANGE_FEED.ID)).from(JOTRS_CHANGE_FEED).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    /**
     * Takes the feed's end as the start position here, not at the first poll: a change committed
     * after start returns must be delivered, and the first poll may run seconds later on a busy
     * machine (a change committed meanwhile would otherwise lie below the position it found, never
     * delivered). A restarted tail goes on from where it stopped. If the database cannot be read
     * now, the first poll takes the position instead.
     */
    @Override
    public void start() {
        try {
            if (position == null) {
                position = startPosition();
            }
        } catch (RuntimeException e) {
            log.warn("Reading the change feed's end failed; the first poll reads it: {}", e.toString());
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("jotrs-feed-tail").daemon().factory());
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::pollSafely, 0, interval, TimeUnit.MILLISECONDS);
        poller = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = poller;
        poller = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    /**
     * Reads the feed now instead of at the next interval: called after a transaction of this node
     * that appended to the feed has committed, so this node's subscribers (the search index) see
     * its own changes within milliseconds. Other nodes still see them within one poll interval.
     * Wakes that come while one is pending are one read.
     */
    void wake() {
        ScheduledExecutorService executor = poller;
        if (executor != null && wakePending.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    wakePending.set(false);
                    pollSafely();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                wakePending.set(false);
            }
        }
    }

    private void pollSafely() {
        try {
            List<FeedChange> batch = poll();
            if (!batch.isEmpty()) {
                deliver(batch);
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next poll carries on from the same position.
            log.warn("Reading the change feed failed: {}", e.toString());
        }
    }

    /** One read of the feed; only the poller thread calls it, so the position needs no lock. */
    List<FeedChange> poll() {
        if (position == null) {
            position = startPosition();
            return List.of();
        }
        Instant now = clock.instant();
        gaps.values().removeIf(firstMissed -> firstMissed.plus(properties.gapHorizon()).isBefore(now));
        Condition unseen = JOTRS_CHANGE_FEED.ID.gt(position);
        if (!gaps.isEmpty()) {
            unseen = unseen.or(JOTRS_CHANGE_FEED.ID.in(gaps.keySet()));
        }
        List<FeedChange> rows = db.selectFrom(JOTRS_CHANGE_FEED)
                .where(unseen)
                .orderBy(JOTRS_CHANGE_FEED.ID)
                .limit(properties.batchSize())
                .fetch(r -> new FeedChange(r.getId(), r.getObjectType(), r.getObjectId(), r.getTicketId(),
                        r.getChangeKind(), r.getCreateBy(), r.getCreateTime()));
        List<FeedChange> fresh = new ArrayList<>(rows.size());
        for (FeedChange row : rows) {
            if (row.id() <= position) {
                if (gaps.remove(row.id()) != null) {
                    fresh.add(row);
                }
                continue;
            }
            // The rows come in id order, so every id skipped between the position and this row is
            // not visible yet: remember it (the most recent ones, should the feed have jumped).
            long firstMissing = Math.max(position + 1, row.id() - properties.maxGaps());
            for (long missing = firstMissing; missing < row.id(); missing++) {
                gaps.put(missing, now);
            }
            position = row.id();
            fresh.add(row);
        }
        trimGaps();
        return fresh;
    }

    /** The ids still waited for. */
    Set<Long> waitingFor() {
        return Set.copyOf(gaps.keySet());
    }

    private long startPosition() {
        long end = latestId();
        List<Long> recent = db.select(JOTRS_CHANGE_FEED.ID).from(JOTRS_CHANGE_FEED)
                .where(JOTRS_CHANGE_FEED.ID.gt(end - START_LOOK_BACK))
                .fetch(JOTRS_CHANGE_FEED.ID);
        Instant now = clock.instant();
        for (long id = Math.max(1, end - START_LOOK_BACK + 1); id < end; id++) {
            if (!recent.contains(id)) {
                gaps.put(id, now);
            }
        }
        trimGaps();
        return end;
    }

    private void trimGaps() {
        Iterator<Map.Entry<Long, Instant>> oldest = gaps.entrySet().iterator();
        int excess = gaps.size() - properties.maxGaps();
        while (excess-- > 0 && oldest.hasNext()) {
            log.info("Change feed id {} not committed after {} missing ids; no longer waiting for it",
                    oldest.next().getKey(), properties.maxGaps());
            oldest.remove();
        }
    }

    private void deliver(List<FeedChange> batch) {
        List<FeedChange> readOnly = List.copyOf(batch);
        for (Consumer<List<FeedChange>> listener : listeners) {
            try {
                listener.accept(readOnly);
            } catch (RuntimeException e) {
                log.warn("A change feed listener failed on ids {}..{}: {}", readOnly.getFirst().id(),
                        readOnly.getLast().id(), e.toString(), e);
            }
        }
    }
}
