package org.jotrs.api.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.jotrs.platform.Setting;
import org.jotrs.platform.Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests per token and minute on this node: a token bucket per token holding a minute's
 * requests, refilled continuously, so a client may burst up to the limit and then goes on at the
 * limit's pace. The limit is the runtime setting {@value #SETTING} (0: no limit); a changed limit
 * starts fresh buckets on the next request.
 */
@Configuration(proxyBeanMethods = false)
class ApiRateLimits {

    static final String SETTING = "api.rate-limit.per-minute";

    private record Key(long tokenId, int perMinute) {
    }

    private final Settings settings;
    private final Cache<Key, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();

    ApiRateLimits(Settings settings) {
        this.settings = settings;
    }

    @Bean
    static Setting apiRateLimitSetting() {
        return new Setting(SETTING, "REST API", "Requests per minute per API token",
                "How many /api/v1 requests one token may send per minute on one node, all at once or spread out;"
                        + " more are answered 429 with Retry-After. 0 turns the limit off.",
                new Setting.Number(0, 10_000_000));
    }

    /** Zero when the request may pass; otherwise the seconds to wait (at least 1). */
    long secondsToWait(long tokenId) {
        int perMinute = settings.number(SETTING);
        if (perMinute == 0) {
            return 0;
        }
        Bucket bucket = buckets.get(new Key(tokenId, perMinute), key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
