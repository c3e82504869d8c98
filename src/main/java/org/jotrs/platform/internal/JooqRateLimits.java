package org.jotrs.platform.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_RATE_LIMIT;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.platform.ClusterJob;
import org.jotrs.platform.RateLimit;
import org.jotrs.platform.RateLimits;
import org.jotrs.platform.SecretTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link RateLimits} in {@code jotrs_rate_limit}, as a "generic cell rate algorithm": a subject's row
 * holds only when its allowance is whole again ({@code full_at}, epoch milliseconds). A request
 * moves that time on by one interval ({@code period / allowance}), starting from now if it lies in
 * the past, and is allowed when the new time is at most one period ahead of now; this is exactly a
 * token bucket of {@code allowance} tokens refilled one per interval (Bucket4j's greedy refill, as
 * before). The check and the step are one UPDATE with the check in its WHERE clause, so the row lock
 * decides between two nodes asking at once; a subject without a row gets one by INSERT, and the
 * loser of two INSERTs at once (a duplicate key) simply tries again. Rows whose time has passed
 * mean a whole allowance, and a cluster job deletes them.
 */
@Component
class JooqRateLimits implements RateLimits {

    private static final int ATTEMPTS = 5;

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JooqRateLimits(DSLContext db, PlatformTransactionManager transactionManager, Clock clock) {
        this.db = db;
        this.transactions = new TransactionTemplate(transactionManager);
        // MariaDB's default (repeatable read) would let the SELECT after a refused UPDATE read an older row.
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
    }

    @Override
    public Duration take(RateLimit limit, String subject) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("RateLimits.take runs outside a transaction: its count commits on its own,"
                    + " before the work it guards");
        }
        String key = limit.name() + ":" + SecretTokens.sha256Hex(subject);
        long interval = limit.intervalMillis();
        long period = interval * limit.allowance();
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long now = clock.millis();
            try {
                Long wait = transactions.execute(status -> attempt(key, now, interval, period));
                if (wait != null && wait >= 0) {
                    return Duration.ofMillis(wait);
                }
            } catch (DataIntegrityViolationException | TransientDataAccessException e) {
                // Another node inserted the subject's row at the same moment (or a lock gave way): once more.
                last = e;
            }
            LockSupport.parkNanos(Duration.ofMillis(ThreadLocalRandom.current().nextInt(1, 10)).toNanos());
        }
        if (last != null) {
            throw last;
        }
        throw new IllegalStateException("Rate limit " + limit.name() + " could not be counted in " + ATTEMPTS + " attempts");
    }

    /** Zero when taken, the milliseconds to wait when refused, or -1 to try again. */
    private long attempt(String key, long now, long interval, long period) {
        // Allowed when max(full_at, now) + interval <= now + period; as now <= now + period - interval,
        // that is full_at <= now + period - interval.
        long latestFullAt = now + period - interval;
        int taken = db.update(JOTRS_RATE_LIMIT)
                .set(JOTRS_RATE_LIMIT.FULL_AT, DSL.greatest(JOTRS_RATE_LIMIT.FULL_AT, DSL.val(now)).plus(interval))
                .where(JOTRS_RATE_LIMIT.LIMIT_KEY.eq(key))
                .and(JOTRS_RATE_LIMIT.FULL_AT.le(latestFullAt))
                .execute();
        if (taken == 1) {
            return 0;
        }
        Long fullAt = db.select(JOTRS_RATE_LIMIT.FULL_AT).from(JOTRS_RATE_LIMIT)
                .where(JOTRS_RATE_LIMIT.LIMIT_KEY.eq(key)).fetchOne(JOTRS_RATE_LIMIT.FULL_AT);
        if (fullAt != null) {
            // At most one interval: more only when another thread or node read its clock a moment later.
            return fullAt > latestFullAt ? Math.min(fullAt - latestFullAt, interval) : -1;
        }
        // Not seen lately: the first request of a whole allowance. A duplicate key here ends this transaction.
        db.insertInto(JOTRS_RATE_LIMIT).set(JOTRS_RATE_LIMIT.LIMIT_KEY, key)
                .set(JOTRS_RATE_LIMIT.FULL_AT, now + interval).execute();
        return 0;
    }

    /** Deletes the rows of whole allowances (their time has passed): they count exactly as no row. */
    int deleteWhole() {
        return db.deleteFrom(JOTRS_RATE_LIMIT).where(JOTRS_RATE_LIMIT.FULL_AT.lt(clock.millis())).execute();
    }

    @Bean
    static ClusterJob rateLimitCleanupJob(JooqRateLimits limits) {
        return new ClusterJob("platform.rate-limit-cleanup", Duration.ofMinutes(10), limits::deleteWhole);
    }
}
