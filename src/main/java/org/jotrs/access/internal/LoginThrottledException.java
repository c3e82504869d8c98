package org.jotrs.access.internal;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because of too many recent failures. */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("too many failed sign-ins");
        this.retryAfter = retryAfter;
    }

    /** Whole minutes until sign-in is possible again, at least one. */
    long retryAfterMinutes() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }
}
