package org.jotrs.observer.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_KEY;
import static org.jotrs.platform.db.schema.Tables.JOTRS_OBSERVER_SITE;

import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * What the ingestion endpoint knows about a key: read from the database and trusted for
 * {@code jotrs.observer.key-cache-ttl}, so a busy site costs no query per batch and a revoked
 * key stops working on every node within that time.
 */
@Component
class ActiveKeys {

    /** An active key: its site and the origins that may use it. */
    record Grant(long keyId, long siteId, Set<String> origins) {
    }

    private final DSLContext db;
    private final Cache<String, Optional<Grant>> byHash;

    ActiveKeys(DSLContext db, ObserverProperties properties) {
        this.db = db;
        this.byHash = Caffeine.newBuilder().expireAfterWrite(properties.keyCacheTtl()).maximumSize(50_000).build();
    }

    /** The grant of an active key, by the key's hash; empty for an unknown or revoked key. */
    Optional<Grant> lookup(String keyHash) {
        return byHash.get(keyHash, this::load);
    }

    void forget(String keyHash) {
        byHash.invalidate(keyHash);
    }

    void forgetSite(long siteId) {
        byHash.asMap().entrySet().removeIf(e -> e.getValue().map(g -> g.siteId() == siteId).orElse(false));
    }

    private Optional<Grant> load(String keyHash) {
        return db.select(JOTRS_OBSERVER_KEY.ID, JOTRS_OBSERVER_KEY.SITE_ID, JOTRS_OBSERVER_SITE.ALLOWED_ORIGINS)
                .from(JOTRS_OBSERVER_KEY)
                .join(JOTRS_OBSERVER_SITE).on(JOTRS_OBSERVER_SITE.ID.eq(JOTRS_OBSERVER_KEY.SITE_ID))
                .where(JOTRS_OBSERVER_KEY.KEY_HASH.eq(keyHash))
                .and(JOTRS_OBSERVER_KEY.REVOKE_TIME.isNull())
                .fetchOptional(r -> new Grant(r.value1(), r.value2(),
                        Set.copyOf(r.value3().lines().map(String::strip).filter(s -> !s.isEmpty()).toList())));
    }
}
