package org.jotrs.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A stream that keeps what it was sent, for tests to wait on. */
final class RecordingSink implements StreamSink {

    private final List<LiveEvent> events = new CopyOnWriteArrayList<>();
    private volatile boolean ended;

    @Override
    public void send(LiveEvent event) {
        events.add(event);
    }

    @Override
    public void end() {
        ended = true;
    }

    boolean ended() {
        return ended;
    }

    List<LiveEvent> events() {
        return events;
    }

    /** Waits for an event of the type that matches; earlier ones stay recorded. */
    <T extends LiveEvent> T await(Class<T> type, Predicate<T> matching) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (LiveEvent event : events) {
                if (type.isInstance(event) && matching.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            sleep(20);
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " within 10 s; got " + events);
    }

    /** Waits until the latest event of the type matches (as a page shows only the latest). */
    <T extends LiveEvent> T awaitLatest(Class<T> type, Predicate<T> matching) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<T> ofType = events.stream().filter(type::isInstance).map(type::cast).toList();
            if (!ofType.isEmpty() && matching.test(ofType.getLast())) {
                return ofType.getLast();
            }
            sleep(20);
        }
        throw new AssertionError("latest " + type.getSimpleName() + " did not match within 10 s; got " + events);
    }

    /**
     * Waits until each stream has written everything the hub queued for it before the call: a
     * stream writes its queue in order, so two heartbeats written after the call (the second
     * queued a heartbeat interval after the first) come after anything queued before it. Call it
     * once the tail has passed the changes in question to the hub (see {@code LiveHubTest.FeedWatch}).
     */
    static void awaitQueuedWritten(RecordingSink... sinks) {
        long[] before = new long[sinks.length];
        for (int i = 0; i < sinks.length; i++) {
            before[i] = sinks[i].heartbeats();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (int i = 0; i < sinks.length; i++) {
            while (sinks[i].heartbeats() < before[i] + 2) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no two heartbeats within 10 s; got " + sinks[i].events);
                }
                sleep(20);
            }
        }
    }

    /** The events of the type written so far. */
    <T extends LiveEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Nothing about the ticket has been written so far (after {@link #awaitQueuedWritten}: nothing came). */
    void assertNothingAbout(long ticketId) {
        assertThat(events).noneMatch(event -> switch (event) {
            case LiveEvent.TicketChanged changed -> changed.ticketId() == ticketId;
            case LiveEvent.TicketsChanged changed -> changed.ticketIds().contains(ticketId);
            default -> false;
        });
    }

    private long heartbeats() {
        return events.stream().filter(LiveEvent.Heartbeat.class::isInstance).count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
