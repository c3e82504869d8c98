package org.jotrs.platform;

import java.time.Duration;

/**
 * Rate limits that hold across the cluster and over restarts: the count lives in the database
 * ({@code jotrs_rate_limit}), so two nodes behind a load balancer share one allowance, and a
 * restart gives nobody a fresh one. One request is one conditional UPDATE (or, for a subject not
 * seen lately, one INSERT) on the subject's row, so two nodes cannot both take the last share.
 *
 * <p>Call it <b>outside a transaction</b>, before the work it guards: the count commits at once and
 * stays counted whatever the work does afterwards (fails, is rolled back, or finds nothing). The
 * subject is stored only as part of a SHA-256, never as given; nothing is logged.
 */
public interface RateLimits {

    /**
     * Takes one request from the subject's allowance under this limit.
     *
     * @param subject what is limited (a login, an address); compared exactly as given, so callers
     *     normalise it (case, surrounding spaces) first
     * @return zero when the request may go on (it is now counted); otherwise how long until it may
     *     (nothing was counted)
     * @throws IllegalStateException when called inside a transaction
     */
    Duration take(RateLimit limit, String subject);
}
