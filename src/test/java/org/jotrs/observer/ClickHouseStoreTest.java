package org.jotrs.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.jotrs.observer.IncidentPipelineTest.awaitTrue;
import static org.jotrs.observer.IncidentPipelineTest.count;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * Events go to a real ClickHouse server as well (Debian's clickhouse-server; .ci/run starts it;
 * {@code JOTRS_TEST_CLICKHOUSE_URL}, by default http://127.0.0.1:8123). A small front in between
 * refuses calls or loses ClickHouse's answer on demand: the main database keeps the events while
 * ClickHouse is unreachable, they arrive once it is back, and an insert whose answer was lost is
 * sent again and folded into one row per event. Runs on PostgreSQL in the second pass; an
 * unreachable ClickHouse fails it.
 */
@Tag(OnEveryDatabase.OTHER_DATABASES_TAG)
class ClickHouseStoreTest {

    static final String ORIGIN = "https://shop.example.com";
    static final String PAGE = "https://shop.example.com/cart?coupon=secret";
    static final String CLICKHOUSE = System.getenv().getOrDefault("JOTRS_TEST_CLICKHOUSE_URL", "http://127.0.0.1:8123");

    enum Mode { PASS, REFUSE, LOSE_ONE_ANSWER }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void eventsReachClickHouseOnceEachThroughOutagesAndLostAnswers() throws Exception {
        String version = clickHouse("SELECT version()", null);
        String database = "jotrs_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        clickHouse("CREATE DATABASE " + database, null);
        AtomicReference<Mode> mode = new AtomicReference<>(Mode.PASS);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        HttpServer front = front(mode, refused, lost);
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL);
                RunningJotrs jotrs = RunningJotrs.start(db,
                        "--jotrs.observer.clickhouse.url=http://127.0.0.1:" + front.getAddress().getPort(),
                        "--jotrs.observer.clickhouse.database=" + database,
                        "--jotrs.observer.clickhouse.interval=100ms",
                        "--jotrs.observer.clickhouse.max-backoff=200ms",
                        "--jotrs.observer.retention-interval=1h")) {
            ObservedSites sites = jotrs.bean(ObservedSites.class);
            long site = sites.create(1, new SiteSettings("Shop", ORIGIN, 2, 0, 0, 3, 1000, 30, 2500, 1000, 5, "", 1));
            String key = sites.issueKey(1, site).key();
            ObserverClient client = new ObserverClient(jotrs.baseUrl());
            long now = System.currentTimeMillis();
            String session = "sess-" + UUID.randomUUID();

            // Stored in the main database (202), then copied; a replayed batch adds nothing.
            String first = ObserverClient.batch(session, now, List.of(
                    ObserverClient.click(now - 300, PAGE, "button#pay", "Pay <b>now</b>", 10, 20),
                    ObserverClient.error(now - 200, PAGE, "cart is undefined"),
                    ObserverClient.mutation(now - 100, PAGE)));
            assertThat(client.post(key, ORIGIN, first).statusCode()).isEqualTo(202);
            assertThat(client.post(key, ORIGIN, first).body()).contains("\"duplicates\":3");
            awaitTrue(() -> distinct(database) == 3, Duration.ofSeconds(30));
            String where = " FROM jotrs_observer_event FINAL WHERE kind = 'click'";
            assertThat(clickHouse("SELECT site_id, session_id, url" + where, database).strip())
                    .as("the query string dropped").isEqualTo(site + "\t" + session + "\thttps://shop.example.com/cart");
            assertThat(clickHouse("SELECT browser" + where, database)).startsWith("Chrome");
            assertThat(clickHouse("SELECT data" + where, database)).contains("\"text\":\"Pay <b>now</b>\"");
            assertThat(clickHouse("SELECT count() FROM jotrs_observer_event FINAL"
                    + " WHERE event_date = toDate(toDateTime(intDiv(occurred_at, 1000)), 'UTC')", database).strip()).isEqualTo("3");

            // ClickHouse unreachable: the ingestion still answers 202 and the main database keeps the events.
            mode.set(Mode.REFUSE);
            assertThat(client.post(key, ORIGIN, errors(session, now, 4)).statusCode()).isEqualTo(202);
            awaitTrue(() -> refused.get() >= 2, Duration.ofSeconds(30));
            assertThat(distinct(database)).isEqualTo(3);
            assertThat(count(db, "SELECT COUNT(*) FROM jotrs_observer_event")).isEqualTo(7);
            assertThat(count(db, "SELECT COUNT(*) FROM jotrs_observer_event WHERE id > "
                    + "(SELECT last_event_id FROM jotrs_observer_engine WHERE name = 'clickhouse')")).isEqualTo(4);

            // Back, but the answer to the next insert is lost: it is sent again, and the copies fold into one row each.
            mode.set(Mode.LOSE_ONE_ANSWER);
            awaitTrue(() -> distinct(database) == 7 && count(db, "SELECT COUNT(*) FROM jotrs_observer_event WHERE id > "
                    + "(SELECT last_event_id FROM jotrs_observer_engine WHERE name = 'clickhouse')") == 0, Duration.ofSeconds(30));
            assertThat(lost.get()).isEqualTo(1);
            clickHouse("OPTIMIZE TABLE jotrs_observer_event FINAL", database);
            assertThat(clickHouse("SELECT count() FROM jotrs_observer_event", database).strip())
                    .as("one row per event after the merge (ClickHouse %s)", version).isEqualTo("7");
        } finally {
            front.stop(0);
            clickHouse("DROP DATABASE IF EXISTS " + database, null);
        }
    }

    private long distinct(String database) {
        String answer = clickHouse("SELECT count() FROM jotrs_observer_event FINAL", database).strip();
        return answer.startsWith("Code:") || answer.isEmpty() ? -1 : Long.parseLong(answer);
    }

    private static String errors(String session, long now, int n) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(ObserverClient.error(now - 1000 + i * 100, PAGE, "total is NaN"));
        }
        return ObserverClient.batch(session, now, events);
    }

    /** Runs a statement on the real server; a table not created yet reads as its error text. */
    private String clickHouse(String query, String database) {
        String uri = CLICKHOUSE + "/?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (database == null ? "" : "&database=" + database);
        try {
            return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return fail("ClickHouse is not reachable at " + CLICKHOUSE + " (start it as .ci/run does, or set "
                    + "JOTRS_TEST_CLICKHOUSE_URL): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Between Jotrs and ClickHouse: passes calls on, refuses them (503), or passes one insert on and answers 500. */
    private HttpServer front(AtomicReference<Mode> mode, AtomicInteger refused, AtomicInteger lost) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status;
            byte[] answer;
            Mode now = mode.get();
            if (now == Mode.REFUSE) {
                refused.incrementAndGet();
                status = 503;
                answer = "refused by the test".getBytes(StandardCharsets.UTF_8);
            } else {
                HttpResponse<byte[]> response;
                try {
                    response = http.send(HttpRequest.newBuilder(URI.create(CLICKHOUSE + exchange.getRequestURI()))
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                status = response.statusCode();
                answer = response.body();
                if (now == Mode.LOSE_ONE_ANSWER && status == 200 && exchange.getRequestURI().toString().contains("INSERT")
                        && mode.compareAndSet(Mode.LOSE_ONE_ANSWER, Mode.PASS)) {
                    lost.incrementAndGet();
                    status = 500;
                    answer = "answer lost by the test".getBytes(StandardCharsets.UTF_8);
                }
            }
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return server;
    }
}
