package org.jotrs.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.jooq.DSLContext;
import org.jotrs.platform.ClusterJob;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.RateLimit;
import org.jotrs.platform.RateLimits;
import org.jotrs.platform.SecretTokens;
import org.jotrs.testing.AppPerDatabase;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's database-backed rate limits on all three databases: the allowance, how long a
 * refusal says to wait, the even refill, what the table holds (no subject in clear), the cleanup
 * job, and the refusal to count inside a caller's transaction. Sharing across nodes and restarts:
 * {@code PortalLimitsAcrossNodesTest}.
 */
class RateLimitsTest {

    private static final AppPerDatabase APPS = new AppPerDatabase();
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @AfterAll
    static void stop() {
        APPS.close();
    }

    @OnEveryDatabase
    void anAllowanceIsUsedUpAndGrowsBackEvenly(DatabaseKind kind) throws InterruptedException {
        RateLimits limits = APPS.on(kind).bean(RateLimits.class);
        RateLimit limit = new RateLimit("test.refill", 3, Duration.ofSeconds(6));
        assertThat(limits.take(limit, "anna")).isZero();
        assertThat(limits.take(limit, "anna")).isZero();
        assertThat(limits.take(limit, "anna")).isZero();
        Duration wait = limits.take(limit, "anna");
        assertThat(wait).as("one share grows back every 2 s").isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(limits.take(limit, "bert")).as("another subject").isZero();
        assertThat(limits.take(limit, "Anna")).as("subjects are compared as given").isZero();
        long until = System.nanoTime() + DEADLINE.toNanos();
        while (!limits.take(limit, "anna").isZero()) {
            assertThat(System.nanoTime()).as("anna's next share within the deadline").isLessThan(until);
            Thread.sleep(50);
        }
        assertThat(limits.take(limit, "anna")).as("only one share grew back").isPositive();
    }

    @OnEveryDatabase
    void theTableKeepsNoSubjectAndTheCleanupDeletesWholeAllowances(DatabaseKind kind) throws InterruptedException {
        RunningJotrs jotrs = APPS.on(kind);
        RateLimits limits = jotrs.bean(RateLimits.class);
        DSLContext db = jotrs.bean(DSLContext.class);
        RateLimit brief = new RateLimit("test.brief", 1, Duration.ofMillis(300));
        RateLimit hourly = new RateLimit("test.hourly", 1, Duration.ofHours(1));
        assertThat(limits.take(brief, "203.0.113.50")).isZero();
        assertThat(limits.take(hourly, "203.0.113.50")).isZero();
        List<String> keys = db.fetch("SELECT limit_key FROM jotrs_rate_limit WHERE limit_key LIKE 'test.brief:%' OR limit_key LIKE 'test.hourly:%'")
                .getValues(0, String.class);
        assertThat(keys).containsExactlyInAnyOrder("test.brief:" + SecretTokens.sha256Hex("203.0.113.50"),
                "test.hourly:" + SecretTokens.sha256Hex("203.0.113.50"));
        Thread.sleep(400);
        jotrs.bean("rateLimitCleanupJob", ClusterJob.class).run(() -> false);
        assertThat(db.fetch("SELECT limit_key FROM jotrs_rate_limit WHERE limit_key LIKE 'test.brief:%' OR limit_key LIKE 'test.hourly:%'")
                .getValues(0, String.class)).as("the brief allowance is whole again, the hourly one is not")
                .containsExactly("test.hourly:" + SecretTokens.sha256Hex("203.0.113.50"));
        assertThat(limits.take(hourly, "203.0.113.50")).as("still counted after the cleanup").isPositive();
    }

    @OnEveryDatabase
    void countingInsideATransactionIsRefused(DatabaseKind kind) {
        RunningJotrs jotrs = APPS.on(kind);
        RateLimits limits = jotrs.bean(RateLimits.class);
        TransactionTemplate transactions = jotrs.bean(TransactionTemplate.class);
        RateLimit limit = new RateLimit("test.in-transaction", 1, Duration.ofHours(1));
        assertThatThrownBy(() -> transactions.execute(status -> limits.take(limit, "anna")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a transaction");
        assertThat(limits.take(limit, "anna")).as("nothing was counted").isZero();
    }

    @Test
    void aLimitNeedsAStableNameAnAllowanceAndAPeriod() {
        assertThatThrownBy(() -> new RateLimit("Portal Mail", 5, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit("x".repeat(36), 5, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit("portal.mail", 0, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit("portal.mail", 5, Duration.ofNanos(4))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RateLimit("portal.mail", 5, Duration.ofHours(1)).intervalMillis()).isEqualTo(720_000);
    }
}
