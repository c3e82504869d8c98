package org.jotrs.webhook.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_CHANGE_FEED;
import static org.jotrs.platform.db.schema.Tables.JOTRS_WEBHOOK;
import static org.jotrs.platform.db.schema.Tables.JOTRS_WEBHOOK_DELIVERY;
import static org.jotrs.platform.db.schema.Tables.JOTRS_WEBHOOK_POSITION;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.AuditLog.Change;
import org.jotrs.platform.ChangeFeedTail;
import org.jotrs.platform.ClusterJob;
import org.jotrs.platform.db.schema.tables.records.JotrsChangeFeedRecord;
import org.jotrs.platform.db.schema.tables.records.JotrsWebhookDeliveryRecord;
import org.jotrs.platform.db.schema.tables.records.JotrsWebhookRecord;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers webhooks, on one node of the cluster at a time ({@link ClusterJob}
 * {@code webhook.deliverer}). Each run first queues a delivery per matching webhook for every new
 * change-feed row (its position in the feed is stored in {@code jotrs_webhook_position}, in the
 * same transaction as the deliveries it queued), then starts sending what is due, each delivery on
 * its own virtual thread with a time limit, so a receiver that hangs or fails delays nobody else.
 *
 * <p>At least once: a delivery is marked delivered only after the receiver answered 2xx; a crash
 * in between sends it again, with the same event id for the receiver to recognise. A failed
 * attempt is retried after {@code first-retry}, doubling up to {@code max-retry}, until
 * {@code max-attempts}; {@code disable-after} failed attempts in a row switch the webhook off,
 * recorded in the audit log and shown to administrators, and its queued deliveries wait until it
 * is switched on again.
 */
@Component
class WebhookDeliverer {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String POSITION = "deliverer";
    /** Feed ids can commit out of order: rows this far behind the position are looked at again for a while. */
    private static final int LOOK_BACK_ROWS = 1000;
    private static final Duration LOOK_BACK_TIME = Duration.ofMinutes(2);
    private static final int FEED_BATCH = 1000;
    private static final int SYSTEM_USER = 1;

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final ChangeFeedTail feed;
    private final WebhookProperties properties;
    private final ReceiverAddresses addresses;
    private final AuditLog audit;
    private final Clock clock;
    private final HttpClient http;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    WebhookDeliverer(DSLContext db, TransactionTemplate transactions, ChangeFeedTail feed, WebhookProperties properties,
            ReceiverAddresses addresses, AuditLog audit, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.feed = feed;
        this.properties = properties;
        this.addresses = addresses;
        this.audit = audit;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Bean
    static ClusterJob webhookDelivererJob(WebhookDeliverer deliverer, WebhookProperties properties) {
        return new ClusterJob("webhook.deliverer", properties.pollInterval(), deliverer::run);
    }

    void run() {
        boolean more = true;
        long started = System.nanoTime();
        while (more && !ClusterJob.stopping() && System.nanoTime() - started < Duration.ofSeconds(20).toNanos()) {
            int queued = transactions.execute(status -> enqueue());
            int sent = sendDue();
            more = queued >= FEED_BATCH || sent >= properties.batchSize();
        }
    }

    /** Queues deliveries for the feed rows after the stored position; returns how many feed rows it read. */
    int enqueue() {
        List<JotrsWebhookRecord> webhooks = db.selectFrom(JOTRS_WEBHOOK).fetch();
        Long stored = db.select(JOTRS_WEBHOOK_POSITION.FEED_ID).from(JOTRS_WEBHOOK_POSITION)
                .where(JOTRS_WEBHOOK_POSITION.NAME.eq(POSITION)).forUpdate().fetchOne(JOTRS_WEBHOOK_POSITION.FEED_ID);
        if (stored == null) {
            long start = webhooks.stream().mapToLong(JotrsWebhookRecord::getStartFeedId).min().orElse(feed.latestId());
            db.insertInto(JOTRS_WEBHOOK_POSITION).set(JOTRS_WEBHOOK_POSITION.NAME, POSITION)
                    .set(JOTRS_WEBHOOK_POSITION.FEED_ID, Math.min(start, feed.latestId())).execute();
            return 0;
        }
        if (webhooks.isEmpty()) {
            db.update(JOTRS_WEBHOOK_POSITION).set(JOTRS_WEBHOOK_POSITION.FEED_ID, Math.max(stored, feed.latestId()))
                    .where(JOTRS_WEBHOOK_POSITION.NAME.eq(POSITION)).execute();
            return 0;
        }
        LocalDateTime now = now();
        List<JotrsChangeFeedRecord> rows = db.selectFrom(JOTRS_CHANGE_FEED)
                .where(JOTRS_CHANGE_FEED.ID.gt(stored))
                .or(JOTRS_CHANGE_FEED.ID.gt(stored - LOOK_BACK_ROWS).and(JOTRS_CHANGE_FEED.CREATE_TIME.ge(now.minus(LOOK_BACK_TIME))))
                .orderBy(JOTRS_CHANGE_FEED.ID).limit(FEED_BATCH).fetch();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Long> feedIds = rows.stream().map(JotrsChangeFeedRecord::getId).toList();
        Set<String> queued = new HashSet<>(db.select(JOTRS_WEBHOOK_DELIVERY.WEBHOOK_ID, JOTRS_WEBHOOK_DELIVERY.FEED_ID)
                .from(JOTRS_WEBHOOK_DELIVERY).where(JOTRS_WEBHOOK_DELIVERY.FEED_ID.in(feedIds))
                .fetch(r -> r.value1() + ":" + r.value2()));
        Map<Long, Map<String, Object>> tickets = new LinkedHashMap<>();
        int newRows = 0;
        for (JotrsChangeFeedRecord row : rows) {
            if (row.getId() > stored) {
                newRows++;
            }
            for (JotrsWebhookRecord webhook : webhooks) {
                if (row.getId() <= webhook.getStartFeedId() || queued.contains(webhook.getId() + ":" + row.getId())
                        || !List.of(webhook.getEvents().split(",")).contains(row.getChangeKind())) {
                    continue;
                }
                Map<String, Object> ticket = tickets.computeIfAbsent(row.getTicketId(), this::ticket);
                String payload = JSON.writeValueAsString(payload(row, ticket));
                db.insertInto(JOTRS_WEBHOOK_DELIVERY)
                        .set(JOTRS_WEBHOOK_DELIVERY.WEBHOOK_ID, webhook.getId())
                        .set(JOTRS_WEBHOOK_DELIVERY.FEED_ID, row.getId())
                        .set(JOTRS_WEBHOOK_DELIVERY.EVENT_ID, eventId(row.getId()))
                        .set(JOTRS_WEBHOOK_DELIVERY.EVENT, row.getChangeKind())
                        .set(JOTRS_WEBHOOK_DELIVERY.PAYLOAD, payload)
                        .set(JOTRS_WEBHOOK_DELIVERY.STATUS, "pending")
                        .set(JOTRS_WEBHOOK_DELIVERY.ATTEMPTS, 0)
                        .set(JOTRS_WEBHOOK_DELIVERY.NEXT_ATTEMPT_TIME, now)
                        .set(JOTRS_WEBHOOK_DELIVERY.CREATE_TIME, now)
                        .execute();
            }
        }
        long newest = Math.max(stored, feedIds.get(feedIds.size() - 1));
        db.update(JOTRS_WEBHOOK_POSITION).set(JOTRS_WEBHOOK_POSITION.FEED_ID, newest)
                .where(JOTRS_WEBHOOK_POSITION.NAME.eq(POSITION)).execute();
        return newRows;
    }

    /** The event id receivers deduplicate by: one per change-feed row, the same for every webhook and attempt. */
    static String eventId(long feedId) {
        return "jotrs-feed-" + feedId;
    }

    private Map<String, Object> payload(JotrsChangeFeedRecord row, Map<String, Object> ticket) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", eventId(row.getId()));
        payload.put("event", row.getChangeKind());
        payload.put("occurredAt", row.getCreateTime().atZone(clock.getZone()).toOffsetDateTime().toString());
        payload.put("actorId", row.getCreateBy());
        payload.put("ticket", ticket);
        if ("ARTICLE".equals(row.getObjectType())) {
            payload.put("article", Map.of("id", row.getObjectId()));
        }
        return payload;
    }

    /** The ticket as it is when the delivery is queued. */
    private Map<String, Object> ticket(long ticketId) {
        Record row = db.select(TICKET.ID, TICKET.TN, TICKET.TITLE, QUEUE.NAME, TICKET_STATE.NAME, TICKET_STATE_TYPE.NAME,
                        TICKET_PRIORITY.NAME, USERS.LOGIN, TICKET.CUSTOMER_USER_ID, TICKET.CUSTOMER_ID, TICKET.CHANGE_TIME)
                .from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .join(TICKET_PRIORITY).on(TICKET_PRIORITY.ID.eq(TICKET.TICKET_PRIORITY_ID))
                .join(USERS).on(USERS.ID.eq(TICKET.USER_ID))
                .where(TICKET.ID.eq(ticketId)).fetchOne();
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("id", ticketId);
        if (row == null) {
            return ticket;
        }
        ticket.put("number", row.get(TICKET.TN));
        ticket.put("title", row.get(TICKET.TITLE));
        ticket.put("queue", row.get(QUEUE.NAME));
        ticket.put("state", row.get(TICKET_STATE.NAME));
        ticket.put("stateType", row.get(TICKET_STATE_TYPE.NAME));
        ticket.put("priority", row.get(TICKET_PRIORITY.NAME));
        ticket.put("owner", row.get(USERS.LOGIN));
        ticket.put("customerUser", row.get(TICKET.CUSTOMER_USER_ID));
        ticket.put("customerId", row.get(TICKET.CUSTOMER_ID));
        ticket.put("changed", row.get(TICKET.CHANGE_TIME).atZone(clock.getZone()).toOffsetDateTime().toString());
        return ticket;
    }

    private record Attempt(JotrsWebhookDeliveryRecord delivery, JotrsWebhookRecord webhook) {
    }

    private record Outcome(Integer status, int durationMs, String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /**
     * Starts sending the due deliveries of switched-on webhooks, each on its own virtual thread that
     * records its outcome when the receiver answered or the time ran out; returns how many it
     * started. Deliveries still in flight are not picked again, so a receiver that hangs holds up
     * neither the next run nor anybody else's delivery.
     */
    int sendDue() {
        int room = properties.batchSize() - inFlight.size();
        if (room <= 0) {
            return 0;
        }
        LocalDateTime now = now();
        var query = db.select(JOTRS_WEBHOOK_DELIVERY.fields()).select(JOTRS_WEBHOOK.fields())
                .from(JOTRS_WEBHOOK_DELIVERY).join(JOTRS_WEBHOOK).on(JOTRS_WEBHOOK.ID.eq(JOTRS_WEBHOOK_DELIVERY.WEBHOOK_ID))
                .where(JOTRS_WEBHOOK_DELIVERY.STATUS.eq("pending"))
                .and(JOTRS_WEBHOOK_DELIVERY.NEXT_ATTEMPT_TIME.le(now))
                .and(JOTRS_WEBHOOK.VALID_ID.eq((short) 1));
        Set<Long> busy = Set.copyOf(inFlight);
        if (!busy.isEmpty()) {
            query = query.and(JOTRS_WEBHOOK_DELIVERY.ID.notIn(busy));
        }
        List<Attempt> due = query.orderBy(JOTRS_WEBHOOK_DELIVERY.NEXT_ATTEMPT_TIME, JOTRS_WEBHOOK_DELIVERY.ID)
                .limit(room)
                .fetch(r -> new Attempt(r.into(JOTRS_WEBHOOK_DELIVERY), r.into(JOTRS_WEBHOOK)));
        for (Attempt attempt : due) {
            long id = attempt.delivery().getId();
            inFlight.add(id);
            threads.submit(() -> {
                try {
                    Outcome outcome = send(attempt);
                    transactions.executeWithoutResult(status -> record(attempt, outcome));
                } catch (RuntimeException e) {
                    // Not recorded: the delivery stays pending and goes out again (at least once).
                    log.warn("Webhook delivery not recorded delivery={} reason={}", id, e.toString());
                } finally {
                    inFlight.remove(id);
                }
            });
        }
        return due.size();
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }

    private Outcome send(Attempt attempt) {
        long started = System.nanoTime();
        try {
            URI uri = URI.create(attempt.webhook().getUrl());
            Optional<ReceiverAddresses.HostProblem> refused = addresses.problemWithHost(uri);
            if (refused.isPresent()) {
                return new Outcome(null, 0, "not sent: " + refused.get().logged());
            }
            byte[] body = attempt.delivery().getPayload().getBytes(StandardCharsets.UTF_8);
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Jotrs-Webhook/1")
                    .header("X-Jotrs-Event", attempt.delivery().getEvent())
                    .header("X-Jotrs-Event-Id", attempt.delivery().getEventId())
                    .header("X-Jotrs-Delivery", String.valueOf(attempt.delivery().getId()))
                    .header("X-Jotrs-Timestamp", String.valueOf(timestamp))
                    .header("X-Jotrs-Signature", WebhookSignature.sign(attempt.webhook().getSecret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int took = millisSince(started);
            return new Outcome(response.statusCode(), took,
                    response.statusCode() / 100 == 2 ? null : "answered HTTP " + response.statusCode());
        } catch (HttpTimeoutException e) {
            return new Outcome(null, millisSince(started), "no answer within " + properties.timeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, millisSince(started), "interrupted");
        } catch (Exception e) {
            return new Outcome(null, millisSince(started), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void record(Attempt attempt, Outcome outcome) {
        LocalDateTime now = now();
        int attempts = attempt.delivery().getAttempts() + 1;
        String status = outcome.delivered() ? "delivered" : attempts >= properties.maxAttempts() ? "failed" : "pending";
        Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(20, attempts - 1));
        if (wait.compareTo(properties.maxRetry()) > 0) {
            wait = properties.maxRetry();
        }
        String error = outcome.error() == null ? null : outcome.error().substring(0, Math.min(1000, outcome.error().length()));
        db.update(JOTRS_WEBHOOK_DELIVERY)
                .set(JOTRS_WEBHOOK_DELIVERY.STATUS, status)
                .set(JOTRS_WEBHOOK_DELIVERY.ATTEMPTS, attempts)
                .set(JOTRS_WEBHOOK_DELIVERY.RESPONSE_CODE, outcome.status())
                .set(JOTRS_WEBHOOK_DELIVERY.DURATION_MS, outcome.durationMs())
                .set(JOTRS_WEBHOOK_DELIVERY.LAST_ERROR, error)
                .set(JOTRS_WEBHOOK_DELIVERY.LAST_ATTEMPT_TIME, now)
                .set(JOTRS_WEBHOOK_DELIVERY.NEXT_ATTEMPT_TIME, outcome.delivered() ? now : now.plus(wait))
                .where(JOTRS_WEBHOOK_DELIVERY.ID.eq(attempt.delivery().getId()))
                .and(JOTRS_WEBHOOK_DELIVERY.STATUS.eq("pending"))
                .execute();
        int webhookId = attempt.webhook().getId();
        if (outcome.delivered()) {
            db.update(JOTRS_WEBHOOK).set(JOTRS_WEBHOOK.CONSECUTIVE_FAILURES, 0).where(JOTRS_WEBHOOK.ID.eq(webhookId))
                    .and(JOTRS_WEBHOOK.CONSECUTIVE_FAILURES.ne(0)).execute();
            return;
        }
        log.info("Webhook delivery failed webhook={} delivery={} attempt={} reason={}", webhookId,
                attempt.delivery().getId(), attempts, error);
        db.update(JOTRS_WEBHOOK).set(JOTRS_WEBHOOK.CONSECUTIVE_FAILURES, JOTRS_WEBHOOK.CONSECUTIVE_FAILURES.plus(1))
                .where(JOTRS_WEBHOOK.ID.eq(webhookId)).execute();
        // Switched off once, by the attempt that reaches the limit while it is still on.
        String reason = "Switched off after " + properties.disableAfter() + " failed deliveries in a row; the last one: "
                + error;
        int switchedOff = db.update(JOTRS_WEBHOOK)
                .set(JOTRS_WEBHOOK.VALID_ID, (short) 2)
                .set(JOTRS_WEBHOOK.DISABLED_REASON, reason.substring(0, Math.min(1000, reason.length())))
                .set(JOTRS_WEBHOOK.CHANGE_TIME, now)
                .set(JOTRS_WEBHOOK.CHANGE_BY, SYSTEM_USER)
                .where(JOTRS_WEBHOOK.ID.eq(webhookId)).and(JOTRS_WEBHOOK.VALID_ID.eq((short) 1))
                .and(JOTRS_WEBHOOK.CONSECUTIVE_FAILURES.ge(properties.disableAfter()))
                .execute();
        if (switchedOff == 1) {
            log.warn("Webhook switched off after repeated failures webhook={} failures={}", webhookId, properties.disableAfter());
            audit.record(SYSTEM_USER, "webhook", attempt.webhook().getName(), "disable",
                    List.of(new Change("valid", "valid", "invalid"), new Change("reason", null, reason)));
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private static int millisSince(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }
}
