package org.jotrs.search.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_CHANGE_FEED;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jotrs.platform.ChangeFeedTail;
import org.jotrs.platform.FeedChange;
import org.jotrs.search.SearchIndexStatus;
import org.jotrs.search.internal.TicketSource.TicketData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index current. Every change-feed batch re-indexes the tickets it names from
 * the database (so order and repetition do not matter: the last read wins, and it is the newest).
 * The feed position is committed with the index, and with it the ids skipped below the position
 * that had not committed yet (the feed's out-of-order window): after a restart or a crash the index
 * first catches up from there, then follows this node's {@link ChangeFeedTail}. Those skipped ids
 * are looked for again at every commit, until they appear or {@link #GAP_HORIZON} has passed.
 *
 * <p>An index that is missing, corrupt or of another version is replaced by an empty one and
 * rebuilt from the database in the background, newest tickets first, while searches go on
 * (with a notice that results are incomplete); the folder is checked at every commit, so deleting it
 * while Jotrs runs also triggers a rebuild.
 */
@Component
class SearchIndexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    /** Twice the tail's default gap horizon: our gaps survive restarts, so give late commits more time. */
    static final Duration GAP_HORIZON = Duration.ofMinutes(2);
    private static final int MAX_GAPS = 1000;
    private static final int CATCH_UP_BATCH = 2000;

    private final SearchProperties properties;
    private final TicketSource source;
    private final ChangeFeedTail tail;
    private final DSLContext db;
    private final Clock clock;
    private final ZoneId zone = ZoneId.systemDefault();

    private volatile TicketIndex index;
    private volatile ScheduledExecutorService indexing;
    private ChangeFeedTail.Subscription subscription;

    // Only the indexing thread touches these.
    private long position;
    private final LinkedHashMap<Long, Instant> gaps = new LinkedHashMap<>();
    private boolean dirty;

    private volatile Rebuild rebuild;

    SearchIndexer(SearchProperties properties, TicketSource source, ChangeFeedTail tail, DSLContext db, Clock clock) {
        this.properties = properties;
        this.source = source;
        this.tail = tail;
        this.db = db;
        this.clock = clock;
    }

    TicketIndex index() {
        return index;
    }

    ZoneId zone() {
        return zone;
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("jotrs-search-indexer").daemon().factory());
        indexing = executor;
        try {
            executor.submit(() -> {
                open();
                return null;
            }).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open the search index at " + properties.indexPath(), e);
        }
        subscription = tail.subscribe(batch -> {
            ScheduledExecutorService current = indexing;
            if (current != null) {
                current.execute(() -> safely("apply feed", () -> apply(batch)));
            }
        });
        executor.execute(() -> safely("catch up", this::catchUp));
        long every = properties.commitInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> safely("maintain", this::maintain), every, every, TimeUnit.MILLISECONDS);
    }

    /** Opens the index; a fresh one starts at the feed's end and is rebuilt, a kept one resumes. */
    private void open() throws IOException {
        TicketIndex opened = TicketIndex.open(properties.indexPath(), Analysis.perField(), zone);
        index = opened;
        gaps.clear();
        Map<String, String> data = opened.openedWith();
        if (opened.fresh()) {
            position = tail.latestId();
            startRebuild(null);
            commit();
            return;
        }
        position = Long.parseLong(data.get(TicketIndex.POSITION));
        Instant now = clock.instant();
        String stored = data.getOrDefault(TicketIndex.GAPS, "");
        for (String id : stored.split(",")) {
            if (!id.isBlank()) {
                gaps.put(Long.parseLong(id.strip()), now);
            }
        }
        if (data.containsKey(TicketIndex.REBUILD_NEXT)) {
            startRebuild(new Rebuild.Resume(Long.parseLong(data.get(TicketIndex.REBUILD_NEXT)),
                    Long.parseLong(data.getOrDefault(TicketIndex.REBUILD_DONE, "0")),
                    Long.parseLong(data.getOrDefault(TicketIndex.REBUILD_TOTAL, "0")),
                    Long.parseLong(data.getOrDefault(TicketIndex.GENERATION, "1"))));
        }
    }

    /** Re-reads the feed from the committed position (and its gaps) to where it is now. */
    private void catchUp() throws IOException {
        long before = position;
        int applied = 0;
        while (true) {
            List<FeedChange> rows = readFeed(unseen(), CATCH_UP_BATCH);
            if (rows.isEmpty()) {
                break;
            }
            apply(rows);
            applied += rows.size();
            if (rows.size() < CATCH_UP_BATCH) {
                break;
            }
        }
        if (applied > 0) {
            log.info("Search index caught up {} changes from feed id {} to {}", applied, before, position);
        }
    }

    private Condition unseen() {
        Condition unseen = JOTRS_CHANGE_FEED.ID.gt(position);
        if (!gaps.isEmpty()) {
            unseen = unseen.or(JOTRS_CHANGE_FEED.ID.in(gaps.keySet()));
        }
        return unseen;
    }

    private List<FeedChange> readFeed(Condition which, int limit) {
        return db.selectFrom(JOTRS_CHANGE_FEED).where(which).orderBy(JOTRS_CHANGE_FEED.ID).limit(limit)
                .fetch(r -> new FeedChange(r.getId(), r.getObjectType(), r.getObjectId(), r.getTicketId(),
                        r.getChangeKind(), r.getCreateBy(), r.getCreateTime()));
    }

    /** Indexes the tickets of a batch of changes and moves the position past them. */
    void apply(List<FeedChange> changes) throws IOException {
        if (changes.isEmpty()) {
            return;
        }
        Set<Long> tickets = changes.stream().map(FeedChange::ticketId).collect(Collectors.toCollection(LinkedHashSet::new));
        index.applyFromFeed(tickets, source);
        Instant now = clock.instant();
        for (FeedChange change : changes) {
            long id = change.id();
            if (id <= position) {
                gaps.remove(id);
                continue;
            }
            for (long missing = Math.max(position + 1, id - MAX_GAPS); missing < id; missing++) {
                gaps.put(missing, now);
            }
            position = id;
        }
        Iterator<Long> oldest = gaps.keySet().iterator();
        for (int excess = gaps.size() - MAX_GAPS; excess > 0 && oldest.hasNext(); excess--) {
            oldest.next();
            oldest.remove();
        }
        dirty = true;
    }

    /** Every commit interval: is the folder still there, did skipped ids commit meanwhile, commit. */
    private void maintain() throws IOException {
        if (!index.stillOnDisk()) {
            log.warn("Search index folder {} is gone; starting a new index and rebuilding it", properties.indexPath());
            stopRebuild();
            index.close();
            open();
            return;
        }
        Instant horizon = clock.instant().minus(GAP_HORIZON);
        gaps.values().removeIf(firstMissed -> firstMissed.isBefore(horizon));
        if (!gaps.isEmpty()) {
            apply(readFeed(JOTRS_CHANGE_FEED.ID.in(gaps.keySet()), MAX_GAPS));
        }
        Rebuild running = rebuild;
        if (running != null) {
            index.refresh();
            dirty = true;
            if (running.finished()) {
                rebuild = null;
                log.info("Search index rebuilt: {} tickets in {}", running.done(), running.elapsed());
            } else if (!running.active()) {
                log.warn("Search index rebuild stopped at ticket id {}; resuming it", running.next());
                startRebuild(new Rebuild.Resume(running.next(), running.done(), running.total(), index.generation()));
            }
        }
        if (dirty) {
            commit();
        }
    }

    private void commit() throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(TicketIndex.POSITION, Long.toString(position));
        data.put(TicketIndex.GAPS, gaps.keySet().stream().map(String::valueOf).collect(Collectors.joining(",")));
        Rebuild running = rebuild;
        if (running != null && !running.finished()) {
            data.put(TicketIndex.REBUILD_NEXT, Long.toString(running.next()));
            data.put(TicketIndex.REBUILD_DONE, Long.toString(running.done()));
            data.put(TicketIndex.REBUILD_TOTAL, Long.toString(running.total()));
        }
        index.commit(data);
        dirty = false;
    }

    /** Starts a rebuild unless one runs; returns whether it started. */
    synchronized boolean startRebuild(Rebuild.Resume resume) {
        Rebuild running = rebuild;
        if (running != null && running.active()) {
            return false;
        }
        Rebuild started = new Rebuild(index, source, properties.rebuildBatch(), clock, resume);
        rebuild = started;
        started.start();
        return true;
    }

    private synchronized void stopRebuild() {
        Rebuild running = rebuild;
        if (running != null) {
            running.stop();
            rebuild = null;
        }
    }

    /** The rebuild in progress, or null. */
    SearchIndexStatus.Rebuild rebuildProgress() {
        Rebuild running = rebuild;
        return running == null || running.finished() ? null : running.progress();
    }

    SearchIndexStatus status() {
        TicketIndex current = index;
        Rebuild running = rebuild;
        SearchIndexStatus.Rebuild progress = running == null || running.finished() ? null : running.progress();
        return new SearchIndexStatus(properties.indexPath().toAbsolutePath().toString(), current.documents(),
                current.sizeOnDisk(), position, progress);
    }

    /** Test hook: the position and gaps the next commit would write. */
    Map<String, String> feedState() {
        return Map.of(TicketIndex.POSITION, Long.toString(position), TicketIndex.GAPS, gaps.keySet().toString());
    }

    private void safely(String what, ThrowingRunnable work) {
        try {
            work.run();
        } catch (Exception e) {
            log.warn("Search index: {} failed: {}", what, e.toString(), e);
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public void stop() {
        if (subscription != null) {
            subscription.close();
        }
        ScheduledExecutorService executor = indexing;
        indexing = null;
        if (executor == null) {
            return;
        }
        stopRebuild();
        try {
            executor.submit(() -> {
                safely("final commit", this::commit);
                index.close();
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Search index: closing failed: {}", e.toString());
        }
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return indexing != null;
    }

    /** After the feed tail and the database; before the web server takes requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }

    /**
     * One rebuild from the database: a reader thread reads ranges of ticket ids, newest first, and
     * this writer analyses and writes them, so the database and Lucene work at the same time.
     */
    static final class Rebuild {

        record Resume(long next, long done, long total, long generation) {
        }

        /** The {@code seq}-th range read (0 = the newest); {@code nextAfter} is where the range after it starts. */
        private record Batch(long seq, Map<Long, TicketData> tickets, long nextAfter) {
        }

        private static final Batch END = new Batch(-1, Map.of(), 0);

        private final TicketIndex index;
        private final TicketSource source;
        private final int batchSize;
        private final Clock clock;
        private final Resume resume;
        private final Instant started;
        private volatile long next;
        private volatile long done;
        private volatile long total;
        private volatile long doneAtStart;
        private volatile boolean finished;
        private volatile boolean stopped;
        private Thread reader;
        private List<Thread> writers = List.of();
        /** Batches written while an older one is still being written: seq to its nextAfter. */
        private final java.util.TreeMap<Long, Long> writtenAhead = new java.util.TreeMap<>();
        private long expected;
        private int writersLeft;

        Rebuild(TicketIndex index, TicketSource source, int batchSize, Clock clock, Resume resume) {
            this.index = index;
            this.source = source;
            this.batchSize = batchSize;
            this.clock = clock;
            this.resume = resume;
            this.started = clock.instant();
        }

        void start() {
            long generation = index.beginRebuild(resume == null ? null : resume.generation());
            if (resume != null) {
                next = resume.next();
                done = resume.done();
                doneAtStart = done;
                total = resume.total();
            } else {
                next = source.maxTicketId();
                total = source.ticketCount();
            }
            log.info("Search index rebuild started (generation {}): {} tickets, from id {} down", generation,
                    total, next);
            // Analysis is most of a rebuild's time and Lucene's writer takes documents from several
            // threads at once: one analysing writer per core, while the reader waits on the database.
            int writerCount = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(writerCount + 1);
            writersLeft = writerCount;
            reader = Thread.ofPlatform().name("jotrs-search-rebuild-read").daemon()
                    .start(() -> read(batches, writerCount));
            List<Thread> started = new ArrayList<>();
            for (int w = 0; w < writerCount; w++) {
                started.add(Thread.ofPlatform().name("jotrs-search-rebuild-write-" + w).daemon()
                        .start(() -> write(batches)));
            }
            writers = List.copyOf(started);
        }

        private void read(BlockingQueue<Batch> batches, int writerCount) {
            long high = next;
            long seq = 0;
            try {
                while (high >= 1 && !stopped) {
                    long low = Math.max(1, high - batchSize + 1);
                    Map<Long, TicketData> tickets = source.range(low, high);
                    batches.put(new Batch(seq++, tickets, low - 1));
                    high = low - 1;
                }
                for (int w = 0; w < writerCount; w++) {
                    batches.put(END);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Search index rebuild: reading tickets failed; it resumes after a restart: {}", e.toString(), e);
                stopped = true;
                for (int w = 0; w < writerCount; w++) {
                    batches.offer(END);
                }
            }
        }

        private void write(BlockingQueue<Batch> batches) {
            try {
                while (!stopped) {
                    Batch batch = batches.take();
                    if (batch == END) {
                        break;
                    }
                    index.applyFromRebuild(batch.tickets());
                    written(batch);
                }
                boolean last;
                synchronized (this) {
                    last = --writersLeft == 0;
                }
                // The last writer to finish knows every batch is written: only then may what was not rewritten go.
                if (last && !stopped) {
                    index.endRebuild();
                    finished = true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                log.warn("Search index rebuild: writing failed; it resumes after a restart: {}", e.toString(), e);
                stopped = true;
            }
        }

        /**
         * Counts a written batch. The position a resumed rebuild starts from moves only past batches
         * all of whose newer neighbours are written too, so a crash never skips a range.
         */
        private synchronized void written(Batch batch) {
            done += batch.tickets().size();
            writtenAhead.put(batch.seq(), batch.nextAfter());
            while (writtenAhead.containsKey(expected)) {
                next = writtenAhead.remove(expected);
                expected++;
            }
        }

        void stop() {
            stopped = true;
            List<Thread> threads = new ArrayList<>(writers);
            threads.add(reader);
            for (Thread thread : threads) {
                if (thread != null) {
                    thread.interrupt();
                    try {
                        thread.join(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }

        boolean finished() {
            return finished;
        }

        /** Neither finished nor stopped by a failure. */
        boolean active() {
            return !finished && !stopped;
        }

        long next() {
            return next;
        }

        long done() {
            return done;
        }

        long total() {
            return total;
        }

        Duration elapsed() {
            return Duration.between(started, clock.instant());
        }

        SearchIndexStatus.Rebuild progress() {
            Duration elapsed = elapsed();
            long doneHere = done - doneAtStart;
            long left = Math.max(0, total - done);
            Duration eta = doneHere < 100 || elapsed.isZero() ? null
                    : Duration.ofMillis((long) (elapsed.toMillis() * (double) left / doneHere));
            return new SearchIndexStatus.Rebuild(done, total, elapsed, eta);
        }
    }
}
