package org.jotrs.observer.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

/** Batches per key and second on this node: a token bucket per key, refilled continuously. */
@Component
class IngestionLimits {

    private final Cache<Long, Bucket> buckets;
    private final int perSecond;

    IngestionLimits(ObserverProperties properties) {
        this.perSecond = properties.batchesPerSecondPerKey();
        this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    }

    /** Zero when the batch may pass; otherwise the seconds to wait (at least 1). */
    long secondsToWait(long keyId) {
        Bucket bucket = buckets.get(keyId, id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(2L * perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
