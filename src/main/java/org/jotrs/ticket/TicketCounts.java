package org.jotrs.ticket;

import java.util.List;

/**
 * What the navigation and the dashboard count for one agent, over the queues the agent may read.
 * The per-state and per-queue numbers come from the shared open-ticket counts (at most a few
 * seconds old); the agent's own numbers are counted exactly.
 *
 * @param newTickets tickets in a state of type {@code new}
 * @param lockedByMe tickets the agent owns and has locked
 * @param lockedUnread of those, the ones with articles the agent has not seen
 * @param watched tickets the agent watches
 * @param openByState not-closed tickets per state, in the order of the states
 * @param openByQueue not-closed tickets per queue, by queue name
 */
public record TicketCounts(int newTickets, int lockedByMe, int lockedUnread, int watched, List<Named> openByState,
        List<Named> openByQueue) {

    /** A name with its count. */
    public record Named(String name, int tickets) {
    }
}
