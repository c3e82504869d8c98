package org.jotrs.webhook.internal;

import static org.jotrs.platform.Messages.t;
import static org.jotrs.platform.db.schema.Tables.JOTRS_WEBHOOK;
import static org.jotrs.platform.db.schema.Tables.JOTRS_WEBHOOK_DELIVERY;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.AuditLog.Change;
import org.jotrs.platform.ChangeFeedTail;
import org.jotrs.platform.FeedKind;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.Page;
import org.jotrs.platform.db.schema.tables.records.JotrsWebhookDeliveryRecord;
import org.jotrs.platform.db.schema.tables.records.JotrsWebhookRecord;
import org.jotrs.webhook.Webhook;
import org.jotrs.webhook.WebhookDelivery;
import org.jotrs.webhook.WebhookSettings;
import org.jotrs.webhook.Webhooks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The webhook administration ({@code jotrs_webhook}, {@code jotrs_webhook_delivery}). */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
class JooqWebhooks implements Webhooks {

    static final int PAGE_SIZE = 50;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MIN_SECRET = 16;

    private final DSLContext db;
    private final AccessService access;
    private final AuditLog audit;
    private final ChangeFeedTail feed;
    private final ReceiverAddresses addresses;
    private final Clock clock;

    JooqWebhooks(DSLContext db, AccessService access, AuditLog audit, ChangeFeedTail feed, ReceiverAddresses addresses,
            Clock clock) {
        this.db = db;
        this.access = access;
        this.audit = audit;
        this.feed = feed;
        this.addresses = addresses;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Webhook> list(int actorId) {
        access.requireAdmin(actorId);
        return db.selectFrom(JOTRS_WEBHOOK).orderBy(JOTRS_WEBHOOK.NAME, JOTRS_WEBHOOK.ID).fetch(JooqWebhooks::webhook);
    }

    @Override
    @Transactional(readOnly = true)
    public Webhook get(int actorId, int webhookId) {
        access.requireAdmin(actorId);
        return webhook(row(webhookId));
    }

    @Override
    @Transactional
    public Created create(int actorId, WebhookSettings settings) {
        access.requireAdmin(actorId);
        Valid valid = validate(settings, true);
        String secret = valid.secret() != null ? valid.secret() : generatedSecret();
        LocalDateTime now = now();
        int id = db.insertInto(JOTRS_WEBHOOK)
                .set(JOTRS_WEBHOOK.NAME, valid.name())
                .set(JOTRS_WEBHOOK.URL, valid.url())
                .set(JOTRS_WEBHOOK.SECRET, secret)
                .set(JOTRS_WEBHOOK.EVENTS, String.join(",", valid.events()))
                .set(JOTRS_WEBHOOK.VALID_ID, (short) (settings.enabled() ? 1 : 2))
                .set(JOTRS_WEBHOOK.CONSECUTIVE_FAILURES, 0)
                .set(JOTRS_WEBHOOK.START_FEED_ID, feed.latestId())
                .set(JOTRS_WEBHOOK.CREATE_TIME, now).set(JOTRS_WEBHOOK.CREATE_BY, actorId)
                .set(JOTRS_WEBHOOK.CHANGE_TIME, now).set(JOTRS_WEBHOOK.CHANGE_BY, actorId)
                .returning(JOTRS_WEBHOOK.ID).fetchSingle().getId();
        audit.record(actorId, "webhook", valid.name(), "create", List.of(new Change("url", null, valid.url()),
                new Change("events", null, String.join(",", valid.events())), Change.secret("secret"),
                new Change("valid", null, settings.enabled() ? "valid" : "invalid")));
        return new Created(id, valid.secret() == null ? secret : null);
    }

    @Override
    @Transactional
    public void update(int actorId, int webhookId, WebhookSettings settings) {
        access.requireAdmin(actorId);
        JotrsWebhookRecord row = db.selectFrom(JOTRS_WEBHOOK).where(JOTRS_WEBHOOK.ID.eq(webhookId)).forUpdate().fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found.webhook", String.valueOf(webhookId));
        }
        Valid valid = validate(settings, false);
        boolean wasEnabled = row.getValidId() == 1;
        List<Change> changes = new ArrayList<>();
        changes.add(Change.of("name", row.getName(), valid.name()));
        changes.add(Change.of("url", row.getUrl(), valid.url()));
        changes.add(Change.of("events", row.getEvents(), String.join(",", valid.events())));
        changes.add(Change.of("valid", wasEnabled ? "valid" : "invalid", settings.enabled() ? "valid" : "invalid"));
        if (valid.secret() != null && !valid.secret().equals(row.getSecret())) {
            changes.add(Change.secret("secret"));
            row.setSecret(valid.secret());
        }
        row.setName(valid.name());
        row.setUrl(valid.url());
        row.setEvents(String.join(",", valid.events()));
        row.setValidId((short) (settings.enabled() ? 1 : 2));
        if (settings.enabled() && !wasEnabled) {
            row.setConsecutiveFailures(0);
            row.setDisabledReason(null);
        }
        row.setChangeTime(now());
        row.setChangeBy(actorId);
        row.store();
        audit.record(actorId, "webhook", valid.name(), "update", changes);
    }

    @Override
    @Transactional
    public void delete(int actorId, int webhookId) {
        access.requireAdmin(actorId);
        JotrsWebhookRecord row = row(webhookId);
        db.deleteFrom(JOTRS_WEBHOOK_DELIVERY).where(JOTRS_WEBHOOK_DELIVERY.WEBHOOK_ID.eq(webhookId)).execute();
        db.deleteFrom(JOTRS_WEBHOOK).where(JOTRS_WEBHOOK.ID.eq(webhookId)).execute();
        audit.record(actorId, "webhook", row.getName(), "delete", List.of(new Change("url", row.getUrl(), null)));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<WebhookDelivery> deliveries(int actorId, int webhookId, int page) {
        access.requireAdmin(actorId);
        row(webhookId);
        int total = db.fetchCount(JOTRS_WEBHOOK_DELIVERY, JOTRS_WEBHOOK_DELIVERY.WEBHOOK_ID.eq(webhookId));
        int shown = Page.clamp(page, total, PAGE_SIZE);
        List<WebhookDelivery> rows = db.selectFrom(JOTRS_WEBHOOK_DELIVERY)
                .where(JOTRS_WEBHOOK_DELIVERY.WEBHOOK_ID.eq(webhookId))
                .orderBy(JOTRS_WEBHOOK_DELIVERY.ID.desc())
                .limit(PAGE_SIZE).offset(shown * PAGE_SIZE)
                .fetch(JooqWebhooks::delivery);
        return new Page<>(rows, shown, PAGE_SIZE, total);
    }

    @Override
    @Transactional
    public void redeliver(int actorId, long deliveryId) {
        access.requireAdmin(actorId);
        JotrsWebhookDeliveryRecord row = db.selectFrom(JOTRS_WEBHOOK_DELIVERY).where(JOTRS_WEBHOOK_DELIVERY.ID.eq(deliveryId))
                .forUpdate().fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found.webhook-delivery", String.valueOf(deliveryId));
        }
        row.setStatus("pending");
        row.setAttempts(0);
        row.setNextAttemptTime(now());
        row.store();
        String name = db.select(JOTRS_WEBHOOK.NAME).from(JOTRS_WEBHOOK).where(JOTRS_WEBHOOK.ID.eq(row.getWebhookId()))
                .fetchOne(JOTRS_WEBHOOK.NAME);
        audit.record(actorId, "webhook", name, "redeliver", List.of(new Change("event", null, row.getEventId())));
    }

    private record Valid(String name, String url, String secret, List<String> events) {
    }

    private Valid validate(WebhookSettings settings, boolean creating) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String name = errors.required("name", settings.name(), JOTRS_WEBHOOK.NAME, t("validation.enter-name"));
        String url = errors.required("url", settings.url(), JOTRS_WEBHOOK.URL, t("validation.webhook.enter-url"));
        if (url != null) {
            addresses.problemWithUrl(url).ifPresent(problem -> errors.add("url", switch (problem) {
                case "scheme" -> t("validation.webhook.http-only");
                case "host" -> t("validation.webhook.no-host");
                case "userinfo" -> t("validation.webhook.no-user-info");
                default -> t("validation.webhook.not-a-url");
            }));
            if (!errors.has("url")) {
                addresses.problemWithHost(java.net.URI.create(url))
                        .ifPresent(problem -> errors.add("url", t(problem.messageKey(), problem.value())));
            }
        }
        String secret = settings.secret() == null || settings.secret().isBlank() ? null : settings.secret().strip();
        if (secret != null && (secret.length() < MIN_SECRET || secret.length() > 200)) {
            errors.add("secret", t("validation.webhook.secret-length", String.valueOf(MIN_SECRET), "200"));
        }
        Set<String> known = new LinkedHashSet<>(Arrays.stream(FeedKind.values()).map(FeedKind::word).toList());
        List<String> events = settings.events().stream().map(String::strip).filter(e -> !e.isEmpty()).distinct().toList();
        if (events.isEmpty()) {
            errors.add("events", t("validation.webhook.choose-event"));
        }
        for (String event : events) {
            if (!known.contains(event)) {
                errors.add("events", t("validation.webhook.unknown-event", event));
            }
        }
        errors.throwIfAny();
        return new Valid(name, url, secret, events);
    }

    private JotrsWebhookRecord row(int webhookId) {
        JotrsWebhookRecord row = db.selectFrom(JOTRS_WEBHOOK).where(JOTRS_WEBHOOK.ID.eq(webhookId)).fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found.webhook", String.valueOf(webhookId));
        }
        return row;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private static String generatedSecret() {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        return "whsec_" + HexFormat.of().formatHex(raw);
    }

    static Webhook webhook(JotrsWebhookRecord row) {
        String secret = row.getSecret();
        return new Webhook(row.getId(), row.getName(), row.getUrl(), List.of(row.getEvents().split(",")),
                row.getValidId() == 1, row.getConsecutiveFailures(), row.getDisabledReason(),
                secret.substring(0, Math.min(secret.startsWith("whsec_") ? 10 : 4, secret.length())),
                row.getCreateTime(), row.getChangeTime());
    }

    static WebhookDelivery delivery(JotrsWebhookDeliveryRecord row) {
        return new WebhookDelivery(row.getId(), row.getFeedId(), row.getEventId(), row.getEvent(), row.getStatus(),
                row.getAttempts(), row.getResponseCode(), row.getDurationMs(), row.getLastError(), row.getCreateTime(),
                row.getLastAttemptTime(), row.getNextAttemptTime(), row.getPayload());
    }
}
