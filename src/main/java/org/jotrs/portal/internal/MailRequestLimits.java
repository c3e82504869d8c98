package org.jotrs.portal.internal;

import java.time.Duration;
import java.util.Locale;

import org.jotrs.platform.RateLimit;
import org.jotrs.platform.RateLimits;
import org.springframework.stereotype.Component;

/**
 * How many reset and sign-up mails may be asked for, per login or address and per client address:
 * an hour's allowance each, growing back evenly, counted in the database ({@link RateLimits}) so
 * that every node shares it and a restart does not renew it. The limit is counted before anything
 * is looked up, for unknown logins as for known ones, so being limited says nothing about whether
 * an account exists; and a mailbox cannot be flooded.
 */
@Component
class MailRequestLimits {

    private final RateLimits rateLimits;
    private final RateLimit perName;
    private final RateLimit perClient;

    MailRequestLimits(PortalProperties properties, RateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.perName = new RateLimit("portal.mail.name", properties.mailsPerHour(), Duration.ofHours(1));
        this.perClient = new RateLimit("portal.mail.client", properties.mailsPerHourPerClient(), Duration.ofHours(1));
    }

    /**
     * Zero when the request may go on (and it is counted); otherwise whole minutes to wait. A
     * request the client's limit refuses does not use up the login's allowance. Called outside a
     * transaction: the count stands whatever the request does next.
     */
    long minutesToWait(String loginOrAddress, String client) {
        Duration forClient = rateLimits.take(perClient, client);
        if (forClient.isPositive()) {
            return minutes(forClient);
        }
        Duration forName = rateLimits.take(perName, loginOrAddress.strip().toLowerCase(Locale.ROOT));
        return forName.isPositive() ? minutes(forName) : 0;
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (wait.toMillis() + 59_999) / 60_000);
    }
}
