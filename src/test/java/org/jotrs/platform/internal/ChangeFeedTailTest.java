package org.jotrs.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jooq.DSLContext;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.platform.ChangeFeed.ObjectType;
import org.jotrs.platform.ChangeFeedTail;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.FeedChange;
import org.jotrs.platform.FeedKind;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tail on every database: it starts at the feed's end, and a change whose transaction
 * commits after a later id is visible is still delivered, once; so is one that was in flight
 * when the tail started. Driven poll by poll (no timing); the running tail is checked last.
 */
class ChangeFeedTailTest {

    @OnEveryDatabase
    void deliversEveryCommittedChangeExactlyOnceThoughIdsCommitOutOfOrder(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.change-feed.poll-interval=100ms")) {
            ChangeFeed feed = jotrs.bean(ChangeFeed.class);
            TransactionTemplate transactions = new TransactionTemplate(jotrs.bean(PlatformTransactionManager.class));
            MovableClock clock = new MovableClock();
            PollingChangeFeedTail tail = new PollingChangeFeedTail(jotrs.bean(DSLContext.class), clock,
                    new ChangeFeedTailProperties(Duration.ofMillis(100), Duration.ofSeconds(60), 1000, 500));

            append(transactions, feed, "History");
            // A transaction that took its id before the tail starts (below the end it starts at) and commits after.
            HeldTransaction inFlightAtStart = HeldTransaction.open(transactions, feed, "InFlightAtStart");
            append(transactions, feed, "MoreHistory");
            assertThat(tail.poll()).as("the first poll only finds the end").isEmpty();
            assertThat(tail.poll()).as("history is not replayed").isEmpty();

            HeldTransaction slow = HeldTransaction.open(transactions, feed, "Slow");
            long fast = append(transactions, feed, "Fast");
            assertThat(slow.id()).isLessThan(fast);
            assertThat(kinds(tail.poll())).containsExactly("Fast");

            slow.commit();
            inFlightAtStart.commit();
            assertThat(kinds(tail.poll())).containsExactlyInAnyOrder("Slow", "InFlightAtStart");
            assertThat(tail.poll()).as("nothing twice").isEmpty();

            // A rolled-back id is waited for only until the horizon; later changes flow meanwhile.
            HeldTransaction rolledBack = HeldTransaction.open(transactions, feed, "RolledBack");
            append(transactions, feed, "AfterRollback");
            rolledBack.rollBack();
            assertThat(kinds(tail.poll())).containsExactly("AfterRollback");
            assertThat(tail.waitingFor()).contains(rolledBack.id());
            clock.advance(Duration.ofSeconds(61));
            assertThat(tail.poll()).isEmpty();
            assertThat(tail.waitingFor()).doesNotContain(rolledBack.id());

            // A started tail delivers what commits right after start() returned, before its first
            // scheduled poll has run (that poll once took the position, so a busy machine lost these).
            PollingChangeFeedTail started = new PollingChangeFeedTail(jotrs.bean(DSLContext.class), Clock.systemUTC(),
                    new ChangeFeedTailProperties(Duration.ofHours(1), Duration.ofSeconds(60), 1000, 500));
            List<FeedChange> fromStart = new CopyOnWriteArrayList<>();
            started.subscribe(fromStart::addAll);
            started.start();
            try {
                append(transactions, feed, "RightAfterStart");
                started.wake();
                awaitLast(fromStart, "RightAfterStart");
                assertThat(kinds(fromStart)).containsExactly("RightAfterStart");
            } finally {
                started.stop();
            }

            // The node's own running tail delivers to subscribers the same way.
            List<FeedChange> received = new CopyOnWriteArrayList<>();
            ChangeFeedTail running = jotrs.bean(ChangeFeedTail.class);
            try (ChangeFeedTail.Subscription subscription = running.subscribe(received::addAll)) {
                // Let it pass what the steps above committed: a marker shows that it has.
                append(transactions, feed, "Passed");
                awaitLast(received, "Passed");
                received.clear();
                HeldTransaction late = HeldTransaction.open(transactions, feed, "Late");
                append(transactions, feed, "Early");
                awaitKinds(received, "Early");
                late.commit();
                awaitKinds(received, "Early", "Late");
                // Nothing is delivered twice: a change committed after both arrives next, alone.
                long after = append(transactions, feed, "After");
                awaitLast(received, "After");
                assertThat(kinds(received)).containsExactly("Early", "Late", "After");
                assertThat(received.get(1).id()).isEqualTo(late.id());
                assertThat(running.latestId()).isEqualTo(after);
            }
        }
    }

    private static long append(TransactionTemplate transactions, ChangeFeed feed, String kind) {
        return transactions.execute(status -> feed.append(ObjectType.TICKET, label(kind), 1, FeedKind.TICKET_STATE_UPDATE, 1));
    }

    /** Test changes are told apart by their object id, one per label. */
    private static final List<String> LABELS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static synchronized long label(String name) {
        if (!LABELS.contains(name)) {
            LABELS.add(name);
        }
        return LABELS.indexOf(name) + 1000L;
    }

    private static String labelOf(FeedChange change) {
        return LABELS.get((int) (change.objectId() - 1000L));
    }

    private static List<String> kinds(List<FeedChange> changes) {
        return changes.stream().map(ChangeFeedTailTest::labelOf).toList();
    }

    private static void awaitLast(List<FeedChange> received, String kind) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((received.isEmpty() || !labelOf(received.getLast()).equals(kind)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(received).isNotEmpty();
        assertThat(labelOf(received.getLast())).isEqualTo(kind);
    }

    private static void awaitKinds(List<FeedChange> received, String... expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (kinds(received).size() < expected.length && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(kinds(received)).containsExactly(expected);
    }

    /** A transaction that appended a change and waits, on its own thread, to commit or roll back. */
    private static final class HeldTransaction {
        private final CountDownLatch finish = new CountDownLatch(1);
        private final CompletableFuture<Long> appended = new CompletableFuture<>();
        private volatile boolean rollBack;
        private Thread thread;

        static HeldTransaction open(TransactionTemplate transactions, ChangeFeed feed, String kind) throws Exception {
            HeldTransaction held = new HeldTransaction();
            held.thread = Thread.ofPlatform().start(() -> transactions.executeWithoutResult(status -> {
                held.appended.complete(feed.append(ObjectType.TICKET, label(kind), 1, FeedKind.TICKET_STATE_UPDATE, 1));
                try {
                    held.finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (held.rollBack) {
                    status.setRollbackOnly();
                }
            }));
            held.appended.get(10, TimeUnit.SECONDS);
            return held;
        }

        long id() {
            return appended.join();
        }

        void commit() throws InterruptedException {
            finish.countDown();
            thread.join();
        }

        void rollBack() throws InterruptedException {
            rollBack = true;
            commit();
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.systemDefault();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
