package org.jotrs.live.internal;

import java.util.List;

/** What a live stream tells the page. */
public sealed interface LiveEvent {

    /**
     * The first event of a stream: its id, with which the page ends it when it goes away (a
     * closed connection is otherwise only noticed at the next heartbeat).
     */
    record Opened(String viewerId) implements LiveEvent {
    }

    /**
     * The ticket of a zoom changed. For an agent who can no longer read it (moved away, rights
     * taken) only {@code readable = false} is told, without who or what.
     *
     * @param kind the last change's feed kind ({@code ArticleCreate}, ...), null when not readable
     * @param actor the full name of who made the last change, null when not readable
     * @param byViewer the change was the viewing agent's own (made in another window)
     */
    record TicketChanged(long ticketId, String kind, String actor, boolean byViewer, boolean readable) implements LiveEvent {
    }

    /** Tickets the agent may read (or has on the page) changed: ticket lists refresh. */
    record TicketsChanged(List<Long> ticketIds) implements LiveEvent {
    }

    /** The other agents who have the zoom's ticket open now (never the viewing agent). */
    record Viewers(List<String> names) implements LiveEvent {
    }

    /** Keeps proxies from closing an idle stream and finds streams whose browser is gone. */
    record Heartbeat() implements LiveEvent {
    }

    /** The stream ends after this: the session is gone, or the zoom's ticket may no longer be read. */
    record Revoked(Reason reason) implements LiveEvent {

        public enum Reason {
            SIGNED_OUT, NOT_READABLE
        }
    }
}
