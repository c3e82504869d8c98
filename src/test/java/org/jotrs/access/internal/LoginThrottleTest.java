package org.jotrs.access.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 10, item 7: the throttle slows guessing without letting anyone lock an account out from elsewhere. */
class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(
            new SecurityProperties(5, Duration.ofMinutes(15), List.of("127.0.0.1/32"), 8, List.of()));

    @Test
    void fiveFailuresLockTheLoginOnlyForTheAddressThatFailed() {
        for (int i = 0; i < 5; i++) {
            throttle.checkAllowed("root@localhost", "203.0.113.9");
            throttle.recordFailure("root@localhost", "203.0.113.9");
        }
        assertThatThrownBy(() -> throttle.checkAllowed("root@localhost", "203.0.113.9"))
                .isInstanceOf(LoginThrottledException.class);
        assertThatThrownBy(() -> throttle.checkAllowed("ROOT@localhost", "203.0.113.9"))
                .isInstanceOf(LoginThrottledException.class);
        // The administrator at the office is not locked out by the attacker's failures.
        assertThatCode(() -> throttle.checkAllowed("root@localhost", "198.51.100.7")).doesNotThrowAnyException();
    }

    @Test
    void anAddressThatFailsForManyLoginsIsLocked() {
        for (int i = 0; i < 20; i++) {
            throttle.checkAllowed("user" + i, "203.0.113.10");
            throttle.recordFailure("user" + i, "203.0.113.10");
        }
        assertThatThrownBy(() -> throttle.checkAllowed("someone-else", "203.0.113.10"))
                .isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void aDistributedGuessGetsOneTryPerAddressOnceTheGlobalBackOffStarts() {
        for (int i = 0; i < 50; i++) {
            String address = "10.0." + (i / 200) + "." + (i % 200);
            throttle.checkAllowed("root@localhost", address);
            throttle.recordFailure("root@localhost", address);
        }
        // The login is now in global back-off: addresses that failed for it wait ...
        assertThatThrownBy(() -> throttle.checkAllowed("root@localhost", "10.0.0.3"))
                .isInstanceOf(LoginThrottledException.class);
        // ... an address that never failed for it still gets its attempt.
        assertThatCode(() -> throttle.checkAllowed("root@localhost", "198.51.100.7")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessClearsOnlyThatAddressesFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("agent", "203.0.113.11");
            throttle.recordFailure("agent", "203.0.113.12");
        }
        throttle.recordSuccess("agent", "203.0.113.11");
        throttle.recordFailure("agent", "203.0.113.11");
        throttle.recordFailure("agent", "203.0.113.12");
        assertThatCode(() -> throttle.checkAllowed("agent", "203.0.113.11")).doesNotThrowAnyException();
        assertThatThrownBy(() -> throttle.checkAllowed("agent", "203.0.113.12")).isInstanceOf(LoginThrottledException.class);
    }
}
