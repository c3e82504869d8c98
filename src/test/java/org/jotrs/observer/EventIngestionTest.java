package org.jotrs.observer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.testing.OnEveryDatabase;

/**
 * The ingestion API on every database: a batch is stored before the 202, once however often it is
 * sent; wrong keys, origins, schemas, sizes and rates get their status and nothing is stored.
 */
class EventIngestionTest {

    static final String ORIGIN = "https://shop.example.com";

    @OnEveryDatabase
    void batchesAreStoredOnceAndBadOnesAreRefused(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.observer.batches-per-second-per-key=5")) {
            ObservedSites sites = jotrs.bean(ObservedSites.class);
            long siteId = sites.create(1, SiteSettings.defaults().withName("Shop").withOrigins(ORIGIN + "\nhttp://localhost:3000")
                    .withQueue(2));
            String key = sites.issueKey(1, siteId).key();
            ObserverClient client = new ObserverClient(jotrs.baseUrl());
            long now = System.currentTimeMillis();
            String url = "https://shop.example.com/orders/42?token=secret#frag";
            String batch = ObserverClient.batch("session-" + UUID.randomUUID(), now, List.of(
                    ObserverClient.click(now - 300, url, "button#pay", "Pay now", 10, 20),
                    ObserverClient.mutation(now - 200, url),
                    ObserverClient.error(now - 100, url, "x is undefined")));

            HttpResponse<String> first = client.post(key, ORIGIN, batch);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            assertThat(first.body()).contains("\"accepted\":3", "\"duplicates\":0");
            assertThat(first.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
            assertThat(events(database, siteId)).as("stored before the answer").isEqualTo(3);

            HttpResponse<String> replay = client.post(key, ORIGIN, batch);
            assertThat(replay.statusCode()).isEqualTo(202);
            assertThat(replay.body()).contains("\"accepted\":0", "\"duplicates\":3");
            assertThat(events(database, siteId)).as("a replayed batch is stored once").isEqualTo(3);
            assertThat(storedUrls(database, siteId)).as("query strings and fragments are dropped")
                    .containsOnly("https://shop.example.com/orders/42");

            String zipped = ObserverClient.batch("session-" + UUID.randomUUID(), now, List.of(ObserverClient.mutation(now, url)));
            HttpResponse<String> gzip = client.post(key, "http://localhost:3000", zipped.getBytes(StandardCharsets.UTF_8), true);
            assertThat(gzip.statusCode()).as(gzip.body()).isEqualTo(202);
            assertThat(events(database, siteId)).isEqualTo(4);

            String fresh = ObserverClient.batch("session-" + UUID.randomUUID(), now, List.of(ObserverClient.mutation(now, url)));
            assertThat(client.post(null, ORIGIN, fresh).statusCode()).as("no key").isEqualTo(401);
            assertThat(client.post("jok_wrong", ORIGIN, fresh).statusCode()).as("unknown key").isEqualTo(401);
            HttpResponse<String> wrongOrigin = client.post(key, "https://evil.example.net", fresh);
            assertThat(wrongOrigin.statusCode()).isEqualTo(403);
            assertThat(wrongOrigin.body()).contains("https://evil.example.net is not allowed");
            assertThat(client.post(key, null, fresh).statusCode()).as("no Origin header").isEqualTo(403);

            HttpResponse<String> badTime = client.post(key, ORIGIN, fresh.replace("\"t\":" + now, "\"t\":\"yesterday\""));
            assertThat(badTime.statusCode()).isEqualTo(400);
            assertThat(badTime.body()).contains("events[0].t: expected epoch milliseconds");
            HttpResponse<String> badType = client.post(key, ORIGIN, fresh.replace("\"type\":\"mutation\"", "\"type\":\"keypress\""));
            assertThat(badType.statusCode()).isEqualTo(400);
            assertThat(badType.body()).contains("events[0].type: expected one of");
            // A NUL in any text (here escaped as JSON allows) is refused, never a 500 from PostgreSQL.
            // (with a key of its own: the first one's burst of 10 batches is spent by the checks around it)
            HttpResponse<String> nul = client.post(sites.issueKey(1, siteId).key(), ORIGIN, fresh.replace("\"url\":\"", "\"url\":\"\\u0000"));
            assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
            assertThat(nul.body()).contains("events[0].url: contains a NUL character");
            assertThat(client.post(key, ORIGIN, "not json").statusCode()).isEqualTo(400);
            assertThat(client.post(key, ORIGIN, "x".repeat(600_000)).statusCode()).as("over the size limit").isEqualTo(413);
            byte[] bomb = ("{\"session\":\"abcdefgh\",\"events\":[],\"pad\":\"" + "0".repeat(2_000_000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(client.post(key, ORIGIN, bomb, true).statusCode()).as("over the limit once unzipped").isEqualTo(413);

            String oldAndFuture = ObserverClient.batch("session-" + UUID.randomUUID(), now, List.of(
                    ObserverClient.mutation(now - 3L * 86_400_000, url), ObserverClient.mutation(now + 3_600_000, url),
                    ObserverClient.mutation(now, url)));
            HttpResponse<String> ranges = client.post(key, ORIGIN, oldAndFuture);
            assertThat(ranges.statusCode()).isEqualTo(202);
            assertThat(ranges.body()).contains("\"accepted\":1", "\"index\":0", "\"index\":1", "in the future");
            assertThat(events(database, siteId)).as("nothing stored by the refused batches").isEqualTo(5);

            String skewed = ObserverClient.batch("session-" + UUID.randomUUID(), now - 3_600_000,
                    List.of(ObserverClient.mutation(now - 3_600_000, url)));
            assertThat(client.post(key, ORIGIN, skewed).body()).as("a client clock an hour slow is corrected").contains("\"accepted\":1");

            String second = sites.issueKey(1, siteId).key();
            int limited = 0;
            String retryAfter = null;
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> response = client.post(second, ORIGIN, ObserverClient.batch("session-" + UUID.randomUUID(), now,
                        List.of(ObserverClient.mutation(now, url))));
                if (response.statusCode() == 429) {
                    limited++;
                    retryAfter = response.headers().firstValue("Retry-After").orElse(null);
                }
            }
            assertThat(limited).as("batches over 5/s (burst 10) on one key").isGreaterThan(0);
            assertThat(retryAfter).isNotNull();

            sites.revokeKey(1, siteId, sites.site(1, siteId).keys().getFirst().id());
            assertThat(client.post(key, ORIGIN, fresh).statusCode()).as("revoked key").isEqualTo(401);
        }
    }

    static int events(TestDatabase database, long siteId) throws Exception {
        try (Connection connection = database.connect();
                ResultSet rs = connection.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM jotrs_observer_event WHERE site_id = " + siteId)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> storedUrls(TestDatabase database, long siteId) throws Exception {
        try (Connection connection = database.connect();
                ResultSet rs = connection.createStatement().executeQuery(
                        "SELECT url FROM jotrs_observer_event WHERE site_id = " + siteId)) {
            List<String> urls = new java.util.ArrayList<>();
            while (rs.next()) {
                urls.add(rs.getString(1));
            }
            return urls;
        }
    }
}
