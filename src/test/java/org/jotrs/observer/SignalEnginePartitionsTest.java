package org.jotrs.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.observer.IncidentPipelineTest.awaitTrue;
import static org.jotrs.observer.IncidentPipelineTest.count;
import static org.jotrs.observer.IncidentPipelineTest.occurrences;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;

/**
 * The signal engine split into partitions: sessions sent at the same time are read by several
 * partitions in parallel, and the signals they share an incident with are counted once each, into
 * one incident with one ticket. After a restart with every position set back to the start and
 * another number of partitions, the engine reads everything again and counts nothing twice, then
 * carries on with new sessions.
 */
class SignalEnginePartitionsTest {

    static final String ORIGIN = "https://shop.example.com";
    static final String PAGE = "https://shop.example.com/checkout/77";

    @OnEveryDatabase
    void partitionsCountEverySignalOnceAndResumeAfterARestart(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind)) {
            List<String> sent = new ArrayList<>();
            String key;
            try (RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.observer.engine-partitions=4")) {
                ObservedSites sites = jotrs.bean(ObservedSites.class);
                long siteId = sites.create(1, new SiteSettings("Shop", ORIGIN, 2, 1, 3600, 3, 1000, 30, 2500, 1000, 5, "", 30));
                key = sites.issueKey(1, siteId).key();
                ObserverClient client = new ObserverClient(jotrs.baseUrl());
                List<String> batches = new ArrayList<>();
                for (int s = 0; s < 24; s++) {
                    batches.add(struggle());
                }
                // All at once: the partitions read them in parallel and create the two incidents concurrently.
                postAll(client, key, batches);
                sent.addAll(batches);
                awaitTrue(() -> occurrences(database, "rage_click") == 24 && occurrences(database, "error_loop") == 24
                        && caughtUp(database, "signals.4.%", 4), Duration.ofSeconds(60));
                assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_incident")).isEqualTo(2);
                assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_signal")).isEqualTo(48);
                assertThat(count(database, "SELECT sessions FROM jotrs_observer_incident WHERE kind = 'rage_click'")).isEqualTo(24);
                awaitTrue(() -> count(database, "SELECT COUNT(DISTINCT ticket_id) FROM jotrs_observer_incident") == 2,
                        Duration.ofSeconds(20));
            }
            long tickets = count(database, "SELECT COUNT(*) FROM ticket");

            // As if no step had ever committed: every position back to the start; and two partitions instead of four.
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE jotrs_observer_engine SET last_event_id = 0");
            }
            try (RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.observer.engine-partitions=2")) {
                ObserverClient client = new ObserverClient(jotrs.baseUrl());
                for (String batch : sent.subList(0, 3)) {
                    assertThat(client.post(key, ORIGIN, batch).body()).as("a replayed batch").contains("\"accepted\":0");
                }
                List<String> more = new ArrayList<>();
                for (int s = 0; s < 6; s++) {
                    more.add(struggle());
                }
                postAll(client, key, more);
                awaitTrue(() -> occurrences(database, "rage_click") == 30 && occurrences(database, "error_loop") == 30
                        && caughtUp(database, "signals.2.%", 2), Duration.ofSeconds(60));
                assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_engine WHERE name LIKE 'signals%'"))
                        .as("the four old partitions gave way to two").isEqualTo(2);
                assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_signal")).isEqualTo(60);
                assertThat(count(database, "SELECT sessions FROM jotrs_observer_incident WHERE kind = 'error_loop'")).isEqualTo(30);
                assertThat(count(database, "SELECT COUNT(*) FROM jotrs_observer_incident")).isEqualTo(2);
                assertThat(count(database, "SELECT COUNT(*) FROM ticket")).as("no second ticket").isEqualTo(tickets);
            }
        }
    }

    /** One session: three quick clicks on Pay (each changes the page), then the same error five times. */
    private static String struggle() {
        long now = System.currentTimeMillis();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(ObserverClient.click(now - 9000 + i * 300, PAGE, "button#pay", "Pay now", 100 + i, 200));
            events.add(ObserverClient.mutation(now - 8950 + i * 300, PAGE));
        }
        for (int i = 0; i < 5; i++) {
            events.add(ObserverClient.error(now - 5000 + i * 100, PAGE, "total is undefined"));
        }
        return ObserverClient.batch("sess-" + UUID.randomUUID(), now, events);
    }

    private static void postAll(ObserverClient client, String key, List<String> batches) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String batch : batches) {
                answers.add(senders.submit(() -> client.post(key, ORIGIN, batch).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(202);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    /** Exactly {@code readers} readers matching the pattern, each at the last event. */
    private static boolean caughtUp(TestDatabase database, String pattern, int readers) {
        return count(database, "SELECT COUNT(*) FROM jotrs_observer_engine WHERE name LIKE '" + pattern
                + "' AND last_event_id >= (SELECT MAX(id) FROM jotrs_observer_event)") == readers;
    }
}
