package org.jotrs.live.internal;

import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open page's stream. Events are queued and written by the stream's own virtual thread, so a
 * slow or stalled browser holds up only itself, never the fan-out to the others.
 */
final class LiveStream {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    /** A browser this far behind is not reading: it is dropped, and reconnects and refreshes. */
    private static final int OUTBOX_SIZE = 64;

    /** How soon a waiting writer notices that its stream ended. */
    private static final java.time.Duration WAKE_UP = java.time.Duration.ofMillis(250);

    private final String viewerId = UUID.randomUUID().toString();
    private final int agentId;
    private final String sessionId;
    private final Interest interest;
    private final long connectedAtFeedId;
    private final StreamSink sink;
    private final String connection;
    private final BlockingQueue<LiveEvent> outbox = new ArrayBlockingQueue<>(OUTBOX_SIZE);
    private volatile boolean ended;
    private volatile boolean viewing;
    private Thread writer;

    LiveStream(int agentId, String sessionId, Interest interest, long connectedAtFeedId, StreamSink sink) {
        this(agentId, sessionId, interest, connectedAtFeedId, sink, null);
    }

    /** A page served by a shared connection: {@code connection} is that connection's viewer id. */
    LiveStream(int agentId, String sessionId, Interest interest, long connectedAtFeedId, StreamSink sink,
            String connection) {
        this.connection = connection;
        this.agentId = agentId;
        this.sessionId = sessionId;
        this.interest = interest;
        this.connectedAtFeedId = connectedAtFeedId;
        this.sink = sink;
    }

    String viewerId() {
        return viewerId;
    }

    int agentId() {
        return agentId;
    }

    String sessionId() {
        return sessionId;
    }

    Interest interest() {
        return interest;
    }

    StreamSink sink() {
        return sink;
    }

    /** The shared connection this page is served by, or null for a page with its own stream. */
    String connection() {
        return connection;
    }

    /** The feed's end when the stream opened: the page was rendered before, with every change up to about here. */
    long connectedAtFeedId() {
        return connectedAtFeedId;
    }

    /** Whether the stream's viewer row exists (zooms only); heartbeats refresh only those. */
    boolean viewing() {
        return viewing;
    }

    void markViewing() {
        viewing = true;
    }

    /** Starts writing; {@code gone} is called once when the browser can no longer be reached. */
    void start(Consumer<LiveStream> gone) {
        writer = Thread.ofVirtual().name("jotrs-live-" + viewerId).start(() -> write(gone));
    }

    /** Queues an event; false when the browser is so far behind that the stream should end. */
    boolean offer(LiveEvent event) {
        return ended || outbox.offer(event);
    }

    /**
     * Ends the stream. The writer thread is not interrupted: it may be the very thread calling this
     * (a failed write ends its own stream), and the stream's clean-up then does database I/O on it,
     * which an interrupt would break (the pooled connection is closed as broken). The writer sees
     * {@code ended} within one poll instead.
     */
    void end() {
        if (ended) {
            return;
        }
        ended = true;
        try {
            sink.end();
        } catch (RuntimeException e) {
            log.debug("Ending live stream {} failed: {}", viewerId, e.toString());
        }
    }

    private void write(Consumer<LiveStream> gone) {
        try {
            while (!ended) {
                LiveEvent event = outbox.poll(WAKE_UP.toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    continue;
                }
                sink.send(event);
                if (event instanceof LiveEvent.Revoked) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            // The browser went away (or the response was already completed): the normal end of a stream.
            log.debug("Live stream {} ended: {}", viewerId, e.toString());
        }
        gone.accept(this);
    }
}
