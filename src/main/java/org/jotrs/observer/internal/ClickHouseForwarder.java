package org.jotrs.observer.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.jotrs.platform.ClusterJob;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverEventRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.node.ObjectNode;

/**
 * Copies stored events to ClickHouse, the optional second event store, on one node of the cluster
 * at a time. The main database stays the store the ingestion commits to before its 202; this job
 * follows it with the {@link EventLogReader} named {@value #NAME}, as the signal engine's
 * partitions do, in id order (ids not visible yet when it passed them are read again for
 * {@link #GAP_HORIZON_MS}). One step inserts a batch into ClickHouse and then commits the new
 * position: a crash or a lost answer between the two sends the batch again, so delivery is at
 * least once; the table is a
 * ReplacingMergeTree keyed by (site, day, event uuid), which folds the copies into one row.
 */
@Component
class ClickHouseForwarder {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseForwarder.class);

    static final String NAME = "clickhouse";
    static final long GAP_HORIZON_MS = 60_000;
    static final long RUN_MS = 10_000;

    private final EventLogReader reader;
    private final ClickHouseProperties properties;
    private final TransactionTemplate transactions;
    private final HttpClient http;
    private volatile boolean tableReady;
    private volatile int failures;
    private volatile long pausedUntil;

    ClickHouseForwarder(EventLogReader reader, ClickHouseProperties properties, PlatformTransactionManager transactions) {
        this.reader = reader;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Bean
    @ConditionalOnExpression("'${jotrs.observer.clickhouse.url:}' != ''")
    static ClusterJob observerClickHouse(ClickHouseForwarder forwarder, ClickHouseProperties properties) {
        return new ClusterJob("observer.clickhouse", properties.interval(), forwarder::run);
    }

    /** A failed call to ClickHouse; the step's transaction rolls back, so the position stays. */
    static final class ForwardFailed extends RuntimeException {
        ForwardFailed(String message) {
            super(message);
        }
    }

    /** One run of the cluster job: copies until caught up (or {@link #RUN_MS}), or pauses after a failure. */
    void run() {
        if (!properties.enabled() || System.currentTimeMillis() < pausedUntil) {
            return;
        }
        long until = System.nanoTime() + RUN_MS * 1_000_000;
        while (System.nanoTime() < until && !Thread.currentThread().isInterrupted() && !ClusterJob.stopping()) {
            int copied;
            try {
                copied = step();
            } catch (ForwardFailed e) {
                failures++;
                long pause = Math.min(properties.maxBackoff().toMillis(),
                        properties.interval().toMillis() << Math.min(failures - 1, 16));
                pausedUntil = System.currentTimeMillis() + pause;
                if (failures == 1 || failures % 10 == 0) {
                    log.warn("observer events not copied to ClickHouse (attempt {}, next in {} ms): {}", failures, pause,
                            e.getMessage());
                }
                return;
            }
            if (failures > 0) {
                log.info("observer events copied to ClickHouse again after {} failed attempts", failures);
                failures = 0;
            }
            if (copied == 0) {
                return;
            }
        }
    }

    /** One transaction: the next events after the position (and late ones in gaps) into ClickHouse, then the position. */
    int step() {
        if (!tableReady) {
            createTable();
            tableReady = true;
        }
        Integer copied = transactions.execute(status -> stepInTransaction());
        return copied == null ? 0 : copied;
    }

    private int stepInTransaction() {
        EventLogReader.Read read = reader.next(NAME, properties.batch(), GAP_HORIZON_MS, null);
        if (!read.events().isEmpty()) {
            // Inserted before the position commits: a failure rolls the position back, a lost answer sends it again.
            insert(read.events());
        }
        return read.passed();
    }

    /** The table, if it is not there yet. */
    void createTable() {
        call("CREATE TABLE IF NOT EXISTS " + properties.table() + " ("
                + "site_id UInt64, event_id UInt64, event_uuid String, session_id String, user_ref Nullable(String), "
                + "kind String, occurred_at UInt64, received_at UInt64, event_date Date, url String, browser String, "
                + "app_release Nullable(String), data String"
                + ") ENGINE = ReplacingMergeTree() PARTITION BY toYYYYMM(event_date) ORDER BY (site_id, event_date, event_uuid)",
                "");
    }

    private void insert(List<JotrsObserverEventRecord> events) {
        StringBuilder body = new StringBuilder(events.size() * 400);
        for (JotrsObserverEventRecord event : events) {
            ObjectNode row = EventBatch.JSON.createObjectNode();
            row.put("site_id", event.getSiteId());
            row.put("event_id", event.getId());
            row.put("event_uuid", event.getEventUuid());
            row.put("session_id", event.getSessionId());
            row.put("user_ref", event.getUserRef());
            row.put("kind", event.getKind());
            row.put("occurred_at", event.getOccurredAt());
            row.put("received_at", event.getReceivedAt());
            row.put("event_date", Instant.ofEpochMilli(event.getOccurredAt()).atZone(ZoneOffset.UTC).toLocalDate().toString());
            row.put("url", event.getUrl());
            row.put("browser", event.getBrowser());
            row.put("app_release", event.getAppRelease());
            row.put("data", event.getData());
            body.append(EventBatch.JSON.writeValueAsString(row)).append('\n');
        }
        call("INSERT INTO " + properties.table() + " FORMAT JSONEachRow", body.toString());
    }

    /** One statement over the HTTP interface; anything but a 200 is a {@link ForwardFailed}. */
    private void call(String query, String body) {
        URI uri = URI.create(properties.url().replaceAll("/+$", "") + "/?database="
                + URLEncoder.encode(properties.database(), StandardCharsets.UTF_8) + "&query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!properties.user().isEmpty()) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((properties.user() + ":" + properties.password()).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ForwardFailed("could not reach ClickHouse at " + uri.getHost() + ":" + uri.getPort() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForwardFailed("interrupted while calling ClickHouse");
        }
        if (response.statusCode() != 200) {
            String text = TrackerHttp.redact(response.body() == null ? "" : response.body().strip(), properties.password());
            throw new ForwardFailed("ClickHouse answered HTTP " + response.statusCode() + ": "
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
        }
    }
}
