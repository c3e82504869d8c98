package org.jotrs.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.observer.IncidentPipelineTest.awaitTrue;
import static org.jotrs.observer.IncidentPipelineTest.count;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jotrs.platform.ClusterJob;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;

/**
 * The retention job deletes a site's events older than its retention, and their signals, but
 * never what the signal engine has not processed yet: events past the position of a partition
 * (held back here by locking the partitions' rows) and clicks still waiting for their outcome.
 */
class EventRetentionTest {

    static final String ORIGIN = "https://shop.example.com";
    static final String PAGE = "https://shop.example.com/cart";
    static final long TWO_DAYS = 2 * 86_400_000L;

    @OnEveryDatabase
    void oldEventsGoOnlyOnceTheEngineIsDoneWithThem(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.observer.retention-interval=1h",
                        "--jotrs.observer.retention-batch=2", "--jotrs.observer.flush-grace=1h")) {
            ObservedSites sites = jotrs.bean(ObservedSites.class);
            long shortLived = sites.create(1, new SiteSettings("Short", ORIGIN, 2, 0, 0, 3, 1000, 30, 2500, 1000, 5, "", 1));
            long longLived = sites.create(1, new SiteSettings("Long", ORIGIN, 2, 0, 0, 3, 1000, 30, 2500, 1000, 5, "", 30));
            String shortKey = sites.issueKey(1, shortLived).key();
            String longKey = sites.issueKey(1, longLived).key();
            ObserverClient client = new ObserverClient(jotrs.baseUrl());
            Runnable retention = jotrs.bean("observerRetention", ClusterJob.class).work();
            long now = System.currentTimeMillis();

            // An error loop on each site, and one click whose outcome the engine waits for (flush-grace of an hour).
            assertThat(client.post(shortKey, ORIGIN, errors(now, "cart is undefined")).statusCode()).isEqualTo(202);
            assertThat(client.post(longKey, ORIGIN, errors(now, "cart is undefined")).statusCode()).isEqualTo(202);
            assertThat(client.post(shortKey, ORIGIN, ObserverClient.batch("sess-" + UUID.randomUUID(), now,
                    List.of(ObserverClient.click(now - 100, PAGE, "button#buy", "Buy", 5, 5)))).statusCode()).isEqualTo(202);
            awaitTrue(() -> processedAll(database) && count(database, "SELECT COUNT(*) FROM jotrs_observer_pending") == 1
                    && count(database, "SELECT COUNT(*) FROM jotrs_observer_signal") == 2, Duration.ofSeconds(20));

            try (Connection lock = database.connect()) {
                // Hold the engine back (every partition): events that arrive now stay unprocessed while the job runs.
                lock.setAutoCommit(false);
                try (Statement statement = lock.createStatement();
                        ResultSet row = statement.executeQuery("SELECT last_event_id FROM jotrs_observer_engine WHERE name LIKE 'signals.%' FOR UPDATE")) {
                    assertThat(row.next()).isTrue();
                    while (row.next()) {
                        // every row locked
                    }
                }
                assertThat(client.post(shortKey, ORIGIN, errors(now, "total is NaN")).statusCode()).isEqualTo(202);
                age(database);
                retention.run();
                assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_event WHERE site_id = " + shortLived))
                        .as("the unprocessed errors and the waiting click stay").isEqualTo(6);
                assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_event WHERE kind = 'click'")).isEqualTo(1);
                assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_event WHERE site_id = " + longLived))
                        .as("within the other site's 30 days").isEqualTo(5);
                assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_signal WHERE site_id = " + shortLived)).isZero();
                assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_signal WHERE site_id = " + longLived)).isEqualTo(1);
                lock.rollback();
            }

            // Released, the engine reads the new errors and decides the (now old) click: a dead click.
            awaitTrue(() -> processedAll(database) && count(database, "SELECT COUNT(*) FROM jotrs_observer_pending") == 0
                    && count(database, "SELECT COUNT(*) FROM jotrs_observer_signal") == 3, Duration.ofSeconds(20));
            age(database);
            retention.run();
            assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_event WHERE site_id = " + shortLived)).isZero();
            assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_signal WHERE site_id = " + shortLived)).isZero();
            assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_event WHERE site_id = " + longLived)).isEqualTo(5);
            assertThat(count(database, "SELECT SUM(occurrences) FROM jotrs_observer_incident WHERE site_id = " + shortLived))
                    .as("incidents keep their counts").isEqualTo(3);
        }
    }

    private static boolean processedAll(TestDatabase database) {
        return count(database, "SELECT COUNT(*) FROM jotrs_observer_engine WHERE name LIKE 'signals.%'") > 0
                && count(database, "SELECT COUNT(*) FROM jotrs_observer_engine WHERE name LIKE 'signals.%'"
                        + " AND last_event_id < (SELECT MAX(id) FROM jotrs_observer_event)") == 0;
    }

    /** Every event, waiting click and signal two days older. */
    private static void age(TestDatabase database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE jotrs_observer_event SET received_at = received_at - " + TWO_DAYS
                    + ", occurred_at = occurred_at - " + TWO_DAYS);
            statement.executeUpdate("UPDATE jotrs_observer_signal SET occurred_at = occurred_at - " + TWO_DAYS);
            statement.executeUpdate("UPDATE jotrs_observer_pending SET received_at = received_at - " + TWO_DAYS
                    + ", occurred_at = occurred_at - " + TWO_DAYS + ", due_at = due_at - " + TWO_DAYS);
        }
    }

    private static String errors(long now, String message) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(ObserverClient.error(now - 3000 + i * 100, PAGE, message));
        }
        return ObserverClient.batch("sess-" + UUID.randomUUID(), now, events);
    }
}
