package org.jotrs.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kind of cluster-wide limit ({@link RateLimits}): {@code allowance} requests per {@code period}
 * for each subject (a login, a mail address, a client address), refilled evenly, one request every
 * {@code period / allowance} (a token bucket of {@code allowance} tokens that starts full).
 *
 * @param name stable key of the limit: lower case, digits, dots and dashes, at most 35 characters,
 *     e.g. {@code portal.mail.client}; two limits with the same name share their counts
 * @param allowance requests a subject may make at once, and per period
 * @param period the time in which a used-up allowance grows back whole
 */
public record RateLimit(String name, int allowance, Duration period) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,34}");

    public RateLimit {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A rate limit's name must match " + NAME + "; was " + name);
        }
        Objects.requireNonNull(period, "period");
        if (allowance < 1) {
            throw new IllegalArgumentException("Rate limit " + name + " needs an allowance of at least 1; was " + allowance);
        }
        if (period.toMillis() < allowance) {
            throw new IllegalArgumentException("Rate limit " + name + " needs a period of at least a millisecond per request");
        }
    }

    /** How long one used request takes to grow back (whole milliseconds). */
    public long intervalMillis() {
        return period.toMillis() / allowance;
    }
}
