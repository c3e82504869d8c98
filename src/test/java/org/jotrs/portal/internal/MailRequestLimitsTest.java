package org.jotrs.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.RateLimits;
import org.jotrs.testing.AppPerDatabase;
import org.jotrs.testing.OnEveryDatabase;
import org.junit.jupiter.api.AfterAll;

/**
 * The reset and sign-up mail limits: per login or address (any case, surrounding spaces), and per
 * client address across logins, so one client cannot walk through a list of accounts. Counted in
 * the database (platform {@link RateLimits}), on all three; each method has logins and client
 * addresses of its own, as the application's database is shared.
 */
class MailRequestLimitsTest {

    private static final AppPerDatabase APPS = new AppPerDatabase();

    @AfterAll
    static void stop() {
        APPS.close();
    }

    private static MailRequestLimits limits(DatabaseKind kind, int perHour, int perHourPerClient) {
        return new MailRequestLimits(new PortalProperties(Duration.ofHours(2), 8, Duration.ofHours(1),
                Duration.ofHours(24), perHour, perHourPerClient, ""), APPS.on(kind).bean(RateLimits.class));
    }

    @OnEveryDatabase
    void oneClientIsLimitedAcrossDifferentLogins(DatabaseKind kind) {
        MailRequestLimits limits = limits(kind, 5, 3);
        assertThat(limits.minutesToWait("anna1", "203.0.113.7")).isZero();
        assertThat(limits.minutesToWait("bert1", "203.0.113.7")).isZero();
        assertThat(limits.minutesToWait("carl1", "203.0.113.7")).isZero();
        long wait = limits.minutesToWait("dora1", "203.0.113.7");
        assertThat(wait).as("the fourth request of the client, for a fresh login").isBetween(1L, 20L);
        assertThat(limits.minutesToWait("dora1", "198.51.100.9")).as("dora from another client").isZero();
    }

    @OnEveryDatabase
    void oneLoginIsLimitedWhateverTheClientAndSpelling(DatabaseKind kind) {
        MailRequestLimits limits = limits(kind, 2, 100);
        assertThat(limits.minutesToWait("Anna2", "203.0.113.21")).isZero();
        assertThat(limits.minutesToWait(" anna2 ", "203.0.113.22")).isZero();
        assertThat(limits.minutesToWait("ANNA2", "203.0.113.23")).as("third request for one login").isBetween(1L, 30L);
        assertThat(limits.minutesToWait("bert2", "203.0.113.23")).isZero();
    }

    @OnEveryDatabase
    void aRefusedClientRequestDoesNotUseUpTheLoginsAllowance(DatabaseKind kind) {
        MailRequestLimits limits = limits(kind, 1, 1);
        assertThat(limits.minutesToWait("anna3", "203.0.113.31")).isZero();
        assertThat(limits.minutesToWait("bert3", "203.0.113.31")).as("client used up").isPositive();
        assertThat(limits.minutesToWait("bert3", "203.0.113.32")).as("bert's own allowance is untouched").isZero();
    }
}
