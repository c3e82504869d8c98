package org.jotrs.portal;

/**
 * A portal sign-in that did not succeed. Unknown logins, invalid accounts and wrong passwords
 * are refused alike, so logins cannot be probed.
 *
 * @param retryAfterMinutes when throttled, whole minutes until the next try (at least 1); else 0
 */
public final class SignInRefused extends RuntimeException {

    private final long retryAfterMinutes;

    public SignInRefused(long retryAfterMinutes) {
        super(retryAfterMinutes > 0 ? "too many failed sign-ins" : "wrong login or password");
        this.retryAfterMinutes = retryAfterMinutes;
    }

    public boolean throttled() {
        return retryAfterMinutes > 0;
    }

    public long retryAfterMinutes() {
        return retryAfterMinutes;
    }
}
