package org.jotrs.access;

import java.time.Duration;

/**
 * The agents' sign-in throttle (per login and address, per address, per login globally; see
 * {@code jotrs.security.max-failed-logins} and {@code login-lockout}), for other sign-ins that
 * must be throttled the same way: the customer portal's. Callers give their logins a prefix of
 * their own ({@code customer:}), so failures on one side never lock out the other.
 */
public interface SignInThrottle {

    /** How long this login from this address must still wait; zero when it may try now. */
    Duration waitBeforeTrying(String login, String address);

    void recordFailure(String login, String address);

    /** A successful sign-in clears this address's failures for the login. */
    void recordSuccess(String login, String address);
}
