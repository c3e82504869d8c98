package org.jotrs.access.internal;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Refuses sign-in for a while after repeated failures, so passwords cannot be guessed at speed,
 * without letting anyone lock an account out from elsewhere:
 * <ul>
 * <li><b>login + address</b>: {@code max-failed-logins} failures for one login from one address
 * lock that pair for {@code login-lockout};
 * <li><b>address</b>: four times as many failures from one address (any logins) lock the address
 * (offices share addresses);
 * <li><b>login, globally</b>: ten times as many failures for one login from anywhere start a
 * slower back-off: the login is then refused from every address that has already failed for it,
 * while an address that has not failed for it still gets its attempt. A distributed guesser gets
 * one try per address and lock-out period; the real agent, at an address that has not failed,
 * still signs in, so nobody can lock {@code root@localhost} out by failing on purpose.
 * </ul>
 * Counts live in this node's memory: in a cluster each node counts on its own, which still bounds
 * guessing to nodes x limit per lock-out period. The address is the connection's peer address, or
 * the client address a trusted proxy forwarded ({@code jotrs.security.trusted-proxies}).
 */
@Component
class LoginThrottle implements org.jotrs.access.SignInThrottle {

    private static final int ADDRESS_FACTOR = 4;
    private static final int GLOBAL_FACTOR = 10;

    private final int maxFailures;
    private final Duration lockout;
    private final Cache<String, Bucket> buckets;

    LoginThrottle(SecurityProperties properties) {
        this.maxFailures = properties.maxFailedLogins();
        this.lockout = properties.loginLockout();
        this.buckets = Caffeine.newBuilder().expireAfterAccess(lockout).maximumSize(200_000).build();
    }

    @Override
    public Duration waitBeforeTrying(String login, String address) {
        return Duration.ofNanos(waitNanos(login, address));
    }

    /** @throws LoginThrottledException while this login from this address, or the address, is locked out */
    void checkAllowed(String login, String address) {
        long waitNanos = waitNanos(login, address);
        if (waitNanos > 0) {
            throw new LoginThrottledException(Duration.ofNanos(waitNanos));
        }
    }

    private long waitNanos(String login, String address) {
        long waitNanos = Math.max(wait(pairKey(login, address)), wait(addressKey(address)));
        if (wait(loginKey(login)) > 0 && buckets.getIfPresent(pairKey(login, address)) != null) {
            // The global back-off: only addresses that have already failed for this login wait.
            waitNanos = Math.max(waitNanos, wait(loginKey(login)));
        }
        return waitNanos;
    }

    @Override
    public void recordFailure(String login, String address) {
        bucket(pairKey(login, address), maxFailures).tryConsume(1);
        bucket(addressKey(address), maxFailures * ADDRESS_FACTOR).tryConsume(1);
        bucket(loginKey(login), maxFailures * GLOBAL_FACTOR).tryConsume(1);
    }

    /** A successful sign-in clears this address's failures for the login (not the others'). */
    @Override
    public void recordSuccess(String login, String address) {
        buckets.invalidate(pairKey(login, address));
    }

    private long wait(String key) {
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

    private static String pairKey(String login, String address) {
        return "pair:" + address + ":" + login.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
