package org.jotrs.observer.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_ENGINE;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_EVENT;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_FORWARD_GAP;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jotrs.platform.ClusterJob;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverEngineRecord;
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
 * follows it from its own position ({@code jotrs_observer_engine}, name {@value #NAME}) in id
 * order, remembering ids not yet visible when it passed them as gaps
 * ({@code jotrs_observer_forward_gap}, read again for {@link #GAP_HORIZON_MS}) like the signal
 * engine. One step inserts a batch into ClickHouse and then commits the new position: a crash or a
 * lost answer between the two sends the batch again, so delivery is at least once; the table is a
 * ReplacingMergeTree keyed by (site, day, event uuid), which folds the copies into one row.
 */
@Component
class ClickHouseForwarder {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseForwarder.class);

    static final String NAME = "clickhouse";
    static final long GAP_HORIZON_MS = 60_000;
    static final int MAX_GAPS = 5_000;
    static final long RUN_MS = 10_000;

    private final DSLContext db;
    private final ClickHouseProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HttpClient http;
    private volatile boolean tableReady;
    private volatile int failures;
    private volatile long pausedUntil;

    ClickHouseForwarder(DSLContext db, ClickHouseProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
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
        long now = clock.millis();
        var e = JOTRS_OBSERVER_EVENT;
        var g = JOTRS_OBSERVER_FORWARD_GAP;
        JotrsObserverEngineRecord state = db.selectFrom(JOTRS_OBSERVER_ENGINE).where(JOTRS_OBSERVER_ENGINE.NAME.eq(NAME))
                .forUpdate().fetchOne();
        if (state == null) {
            // From the first event still stored: switching ClickHouse on copies what the main database holds.
            db.insertInto(JOTRS_OBSERVER_ENGINE).set(JOTRS_OBSERVER_ENGINE.NAME, NAME)
                    .set(JOTRS_OBSERVER_ENGINE.LAST_EVENT_ID, 0L)
                    .set(JOTRS_OBSERVER_ENGINE.CHANGE_TIME, LocalDateTime.now(clock))
                    .onConflictDoNothing().execute();
            return 1;
        }
        db.deleteFrom(g).where(g.MISSED_AT.lt(now - GAP_HORIZON_MS)).execute();
        Set<Long> gaps = new LinkedHashSet<>(db.select(g.EVENT_ID).from(g).orderBy(g.EVENT_ID).fetch(g.EVENT_ID));
        long position = state.getLastEventId();
        Condition unseen = e.ID.gt(position);
        if (!gaps.isEmpty()) {
            unseen = unseen.or(e.ID.in(gaps));
        }
        List<JotrsObserverEventRecord> fresh = db.selectFrom(e).where(unseen).orderBy(e.ID).limit(properties.batch()).fetch();
        if (fresh.isEmpty()) {
            return 0;
        }
        List<Long> filled = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (JotrsObserverEventRecord event : fresh) {
            if (event.getId() <= position) {
                filled.add(event.getId());
                continue;
            }
            for (long id = Math.max(position + 1, event.getId() - MAX_GAPS); id < event.getId(); id++) {
                missing.add(id);
            }
            position = event.getId();
        }
        insert(fresh);
        if (!filled.isEmpty()) {
            db.deleteFrom(g).where(g.EVENT_ID.in(filled)).execute();
        }
        if (!missing.isEmpty()) {
            var rows = db.insertInto(g, g.EVENT_ID, g.MISSED_AT);
            for (Long id : missing.subList(Math.max(0, missing.size() - MAX_GAPS), missing.size())) {
                rows = rows.values(id, now);
            }
            rows.onConflict(g.EVENT_ID).doNothing().execute();
        }
        state.setLastEventId(position);
        state.setChangeTime(LocalDateTime.now(clock));
        state.store();
        return fresh.size();
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
