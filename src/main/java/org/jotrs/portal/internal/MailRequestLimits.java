package org.jotrs.portal.internal;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

/**
 * How many reset and sign-up mails may be asked for, per login or address and per client address,
 * on this node: a token bucket each, holding an hour's allowance and refilled continuously. The
 * limit is counted before anything is looked up, for unknown logins as for known ones, so being
 * limited says nothing about whether an account exists; and a mailbox cannot be flooded.
 */
@Component
class MailRequestLimits {

    private final int perHour;
    private final int perHourPerClient;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(2))
            .maximumSize(100_000).build();

    MailRequestLimits(PortalProperties properties) {
        this.perHour = properties.mailsPerHour();
        this.perHourPerClient = properties.mailsPerHourPerClient();
    }

    /** Zero when the request may go on (and it is counted); otherwise whole minutes to wait. */
    long minutesToWait(String loginOrAddress, String client) {
        long forClient = take("client:" + client, perHourPerClient);
        if (forClient > 0) {
            return forClient;
        }
        return take("name:" + loginOrAddress.strip().toLowerCase(Locale.ROOT), perHour);
    }

    private long take(String key, int limit) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillGreedy(limit, Duration.ofHours(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 59_999_999_999L) / 60_000_000_000L);
    }
}
