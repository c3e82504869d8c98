package org.jotrs.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The reset and sign-up mail limits: per login or address (any case, surrounding spaces), and per
 * client address across logins, so one client cannot walk through a list of accounts.
 */
class MailRequestLimitsTest {

    private static MailRequestLimits limits(int perHour, int perHourPerClient) {
        return new MailRequestLimits(new PortalProperties(Duration.ofHours(2), 8, Duration.ofHours(1),
                Duration.ofHours(24), perHour, perHourPerClient, ""));
    }

    @Test
    void oneClientIsLimitedAcrossDifferentLogins() {
        MailRequestLimits limits = limits(5, 3);
        assertThat(limits.minutesToWait("anna", "203.0.113.7")).isZero();
        assertThat(limits.minutesToWait("bert", "203.0.113.7")).isZero();
        assertThat(limits.minutesToWait("carl", "203.0.113.7")).isZero();
        long wait = limits.minutesToWait("dora", "203.0.113.7");
        assertThat(wait).as("the fourth request of the client, for a fresh login").isBetween(1L, 20L);
        assertThat(limits.minutesToWait("dora", "198.51.100.9")).as("dora from another client").isZero();
    }

    @Test
    void oneLoginIsLimitedWhateverTheClientAndSpelling() {
        MailRequestLimits limits = limits(2, 100);
        assertThat(limits.minutesToWait("Anna", "203.0.113.1")).isZero();
        assertThat(limits.minutesToWait(" anna ", "203.0.113.2")).isZero();
        assertThat(limits.minutesToWait("ANNA", "203.0.113.3")).as("third request for one login").isBetween(1L, 30L);
        assertThat(limits.minutesToWait("bert", "203.0.113.3")).isZero();
    }

    @Test
    void aRefusedClientRequestDoesNotUseUpTheLoginsAllowance() {
        MailRequestLimits limits = limits(1, 1);
        assertThat(limits.minutesToWait("anna", "203.0.113.1")).isZero();
        assertThat(limits.minutesToWait("bert", "203.0.113.1")).as("client used up").isPositive();
        assertThat(limits.minutesToWait("bert", "203.0.113.2")).as("bert's own allowance is untouched").isZero();
    }
}
