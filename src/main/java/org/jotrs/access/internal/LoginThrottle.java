package org.jotrs.access.internal;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Refuses sign-in for a while after repeated failures, per login name and per client address,
 * so passwords cannot be guessed at speed. Counts live in this node's memory: in a cluster each
 * node counts on its own, which still bounds guessing to nodes x limit per lock-out period.
 */
@Component
class LoginThrottle {

    private static final int ADDRESS_FACTOR = 4;

    private final int maxFailures;
    private final Duration lockout;
    private final Cache<String, Bucket> buckets;

    LoginThrottle(SecurityProperties properties) {
        this.maxFailures = properties.maxFailedLogins();
        this.lockout = properties.loginLockout();
        this.buckets = Caffeine.newBuilder().expireAfterAccess(lockout).maximumSize(100_000).build();
    }

    /** @throws LoginThrottledException while the login or the address is locked out */
    void checkAllowed(String login, String address) {
        long waitNanos = Math.max(wait(loginKey(login), maxFailures), wait(addressKey(address), maxFailures * ADDRESS_FACTOR));
        if (waitNanos > 0) {
            throw new LoginThrottledException(Duration.ofNanos(waitNanos));
        }
    }

    void recordFailure(String login, String address) {
        bucket(loginKey(login), maxFailures).tryConsume(1);
        bucket(addressKey(address), maxFailures * ADDRESS_FACTOR).tryConsume(1);
    }

    void recordSuccess(String login) {
        buckets.invalidate(loginKey(login));
    }

    private long wait(String key, int capacity) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        return Math.max(1, bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, lockout))
                .build());
    }

    private static String loginKey(String login) {
        return "login:" + login.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
