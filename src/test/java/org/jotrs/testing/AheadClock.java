package org.jotrs.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock moved forward by the test, never back: a test that needs time to pass (a new
 * second, a timeout) moves it instead of sleeping. Given to the application with
 * {@link RunningJotrs#start(TestDatabase, Clock, String...)}, it replaces the application's
 * {@code Clock} bean; everything that reads the time through that bean sees the moved time, and
 * since it only ever runs ahead of the real time, sessions, jobs and timestamps still move forward.
 */
public final class AheadClock extends Clock {

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);
    private final Clock system = Clock.systemDefaultZone();

    /** Moves the clock forward by this much. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward; was " + duration);
        }
        ahead.accumulateAndGet(duration, Duration::plus);
    }

    /** Moves the clock to the start of the next second: what follows happens in a new second. */
    public void nextSecond() {
        Instant now = instant();
        advance(Duration.ofSeconds(1).minusNanos(now.getNano()));
    }

    @Override
    public Instant instant() {
        return system.instant().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("An AheadClock keeps the system zone");
    }
}
