package org.jotrs.observer.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_KEY;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_SITE;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.observer.IssuedKey;
import org.jotrs.observer.ObservedSite;
import org.jotrs.observer.ObservedSites;
import org.jotrs.observer.SiteKey;
import org.jotrs.observer.SiteSettings;
import org.jotrs.platform.AuditLog;
import org.jotrs.platform.NoSuchEntry;
import org.jotrs.platform.db.schema.tables.records.JotrsObserverSiteRecord;
import org.jotrs.queue.Queue;
import org.jotrs.queue.QueueService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.jotrs.platform.SecretTokens;

/** Sites and keys in {@code jotrs_observer_site} and {@code jotrs_observer_key}. */
@Service
class JooqObservedSites implements ObservedSites {

    /** Keys are recognisable in logs and secret scanners by this prefix. */
    static final String KEY_PREFIX = "jok_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final AccessService access;
    private final QueueService queues;
    private final AuditLog audit;
    private final ActiveKeys activeKeys;
    private final Clock clock;

    JooqObservedSites(DSLContext db, AccessService access, QueueService queues, AuditLog audit, ActiveKeys activeKeys,
            Clock clock) {
        this.db = db;
        this.access = access;
        this.queues = queues;
        this.audit = audit;
        this.activeKeys = activeKeys;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ObservedSite> sites(int actorId) {
        access.requireAdmin(actorId);
        Map<Long, List<SiteKey>> keys = db.selectFrom(JOTRS_OBSERVER_KEY).orderBy(JOTRS_OBSERVER_KEY.ID).fetch().stream()
                .collect(Collectors.groupingBy(k -> k.getSiteId(), Collectors.mapping(JooqObservedSites::key, Collectors.toList())));
        return db.selectFrom(JOTRS_OBSERVER_SITE).orderBy(JOTRS_OBSERVER_SITE.NAME).fetch().stream()
                .map(r -> site(r, keys.getOrDefault(r.getId(), List.of()))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public ObservedSite site(int actorId, long siteId) {
        access.requireAdmin(actorId);
        JotrsObserverSiteRecord row = db.selectFrom(JOTRS_OBSERVER_SITE).where(JOTRS_OBSERVER_SITE.ID.eq(siteId)).fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found.observed-site", String.valueOf(siteId));
        }
        List<SiteKey> keys = db.selectFrom(JOTRS_OBSERVER_KEY).where(JOTRS_OBSERVER_KEY.SITE_ID.eq(siteId))
                .orderBy(JOTRS_OBSERVER_KEY.ID).fetch(JooqObservedSites::key);
        return site(row, keys);
    }

    @Override
    @Transactional
    public long create(int actorId, SiteSettings settings) {
        access.requireAdmin(actorId);
        SiteSettings valid = SiteRules.validate(settings, queueExists(settings.queueId()));
        LocalDateTime now = LocalDateTime.now(clock);
        JotrsObserverSiteRecord row = db.newRecord(JOTRS_OBSERVER_SITE);
        copy(valid, row);
        row.setCreateTime(now);
        row.setChangeTime(now);
        row.store();
        audit.record(actorId, "observed-site", "site " + valid.name(), "create", List.of(
                AuditLog.Change.of("origins", null, valid.allowedOrigins()),
                AuditLog.Change.of("queue", null, valid.queueId())));
        return row.getId();
    }

    @Override
    @Transactional
    public void update(int actorId, long siteId, SiteSettings settings) {
        access.requireAdmin(actorId);
        JotrsObserverSiteRecord row = db.selectFrom(JOTRS_OBSERVER_SITE).where(JOTRS_OBSERVER_SITE.ID.eq(siteId))
                .forUpdate().fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found.observed-site", String.valueOf(siteId));
        }
        SiteSettings before = settings(row);
        SiteSettings valid = SiteRules.validate(settings, queueExists(settings.queueId()));
        copy(valid, row);
        row.setChangeTime(LocalDateTime.now(clock));
        row.store();
        audit.record(actorId, "observed-site", "site " + valid.name(), "update", List.of(
                AuditLog.Change.of("name", before.name(), valid.name()),
                AuditLog.Change.of("origins", before.allowedOrigins(), valid.allowedOrigins()),
                AuditLog.Change.of("queue", before.queueId(), valid.queueId()),
                AuditLog.Change.of("ticket threshold", before.ticketThreshold(), valid.ticketThreshold()),
                AuditLog.Change.of("ignore selectors", before.ignoreSelectors(), valid.ignoreSelectors()),
                AuditLog.Change.of("retention days", before.retentionDays(), valid.retentionDays())));
        activeKeys.forgetSite(siteId);
    }

    @Override
    @Transactional
    public IssuedKey issueKey(int actorId, long siteId) {
        ObservedSite site = site(actorId, siteId);
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = db.insertInto(JOTRS_OBSERVER_KEY)
                .set(JOTRS_OBSERVER_KEY.SITE_ID, siteId)
                .set(JOTRS_OBSERVER_KEY.KEY_HASH, SecretTokens.sha256Hex(key))
                .set(JOTRS_OBSERVER_KEY.KEY_HINT, key.substring(0, 10))
                .set(JOTRS_OBSERVER_KEY.CREATE_TIME, LocalDateTime.now(clock))
                .returning(JOTRS_OBSERVER_KEY.ID).fetchSingle().getId();
        audit.record(actorId, "observed-site", "site " + site.settings().name(), "issue key",
                List.of(AuditLog.Change.of("key", null, key.substring(0, 10) + "…")));
        return new IssuedKey(id, siteId, key);
    }

    @Override
    @Transactional
    public void revokeKey(int actorId, long siteId, long keyId) {
        ObservedSite site = site(actorId, siteId);
        var row = db.selectFrom(JOTRS_OBSERVER_KEY).where(JOTRS_OBSERVER_KEY.ID.eq(keyId))
                .and(JOTRS_OBSERVER_KEY.SITE_ID.eq(siteId)).fetchOne();
        if (row == null) {
            throw new NoSuchEntry("not-found.observed-site-key", String.valueOf(keyId), String.valueOf(siteId));
        }
        if (row.getRevokeTime() == null) {
            row.setRevokeTime(LocalDateTime.now(clock));
            row.store();
            audit.record(actorId, "observed-site", "site " + site.settings().name(), "revoke key",
                    List.of(AuditLog.Change.of("key", row.getKeyHint() + "…", "revoked")));
        }
        activeKeys.forget(row.getKeyHash());
    }


    private boolean queueExists(Integer queueId) {
        return queueId != null && queues.find(queueId).filter(Queue::valid).isPresent();
    }

    private ObservedSite site(JotrsObserverSiteRecord row, List<SiteKey> keys) {
        String queueName = queues.find(row.getQueueId()).map(Queue::name).orElse("(queue " + row.getQueueId() + ")");
        return new ObservedSite(row.getId(), settings(row), queueName, keys);
    }

    static SiteSettings settings(JotrsObserverSiteRecord r) {
        return new SiteSettings(r.getName(), r.getAllowedOrigins(), r.getQueueId(), r.getTicketThreshold(),
                r.getNoteIntervalS(), r.getRageClicks(), r.getRageIntervalMs(), r.getRageRadiusPx(), r.getDeadClickMs(),
                r.getErrorClickMs(), r.getErrorLoopCount(), r.getIgnoreSelectors(), r.getRetentionDays());
    }

    private static void copy(SiteSettings s, JotrsObserverSiteRecord row) {
        row.setName(s.name());
        row.setAllowedOrigins(s.allowedOrigins());
        row.setQueueId(s.queueId());
        row.setTicketThreshold(s.ticketThreshold());
        row.setNoteIntervalS(s.noteIntervalSeconds());
        row.setRageClicks(s.rageClicks());
        row.setRageIntervalMs(s.rageIntervalMs());
        row.setRageRadiusPx(s.rageRadiusPx());
        row.setDeadClickMs(s.deadClickMs());
        row.setErrorClickMs(s.errorClickMs());
        row.setErrorLoopCount(s.errorLoopCount());
        row.setIgnoreSelectors(s.ignoreSelectors());
        row.setRetentionDays(s.retentionDays());
    }

    private static SiteKey key(org.jotrs.platform.db.schema.tables.records.JotrsObserverKeyRecord r) {
        return new SiteKey(r.getId(), r.getKeyHint(), r.getCreateTime(), r.getRevokeTime());
    }
}
