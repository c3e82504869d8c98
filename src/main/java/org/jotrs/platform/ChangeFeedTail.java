package org.jotrs.platform;

import java.util.List;
import java.util.function.Consumer;

/**
 * This node's reader of the change feed. Every node runs its own tail (no shortcut from the
 * writer), so one node and many behave alike: a change committed on any node reaches the
 * subscribers of every node, each committed change exactly once, within about one poll interval
 * ({@code jotrs.change-feed.poll-interval}). A tail starts at the feed's end: history is not
 * replayed. Changes are delivered roughly in id order; a change whose transaction committed late
 * (ids can commit out of order) comes in a later batch than higher ids.
 */
public interface ChangeFeedTail {

    /**
     * Calls the listener with each batch of newly seen changes, on the tail's own thread: a
     * listener must return quickly (hand slow work to its own thread). A listener that throws
     * does not stop the others.
     */
    Subscription subscribe(Consumer<List<FeedChange>> listener);

    /** The highest feed id committed now (0 for an empty feed), read from the database. */
    long latestId();

    /** Stops deliveries to one listener. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
