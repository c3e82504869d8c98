package org.jotrs.live.internal;

import java.util.Set;

/** What an open page shows, and so which changes it wants. */
public sealed interface Interest {

    /**
     * A connection shared by the pages of several browser tabs: it wants no changes itself; its
     * pages are opened on it one by one ({@link LiveHub#openPage}).
     */
    record Shared() implements Interest {
    }

    /** A ticket zoom. */
    record OneTicket(long ticketId) implements Interest {
    }

    /**
     * A ticket list (queue view): any change of a ticket the agent may read can change its rows
     * and counts.
     *
     * @param shownTicketIds the tickets on the page; their changes count even when the agent can
     *     no longer read them (a ticket moved out of the agent's queues must leave the list)
     */
    record TicketLists(Set<Long> shownTicketIds) implements Interest {
        public TicketLists {
            shownTicketIds = Set.copyOf(shownTicketIds);
        }
    }
}
