package org.jotrs.ticket;

import java.time.LocalDateTime;
import java.util.List;

import org.jotrs.access.AgentRef;
import org.jotrs.platform.Page;

/**
 * One page of a ticket list, with the choices its filters offer.
 *
 * @param queues the queues the agent may read, with open-ticket counts (the queue view's tree)
 */
public record TicketList(TicketListQuery query, Page<Row> page, List<QueueCount> queues,
        List<String> states, List<String> priorities, List<AgentRef> owners) {

    /** A queue the agent may read, with its count of not-closed tickets. */
    public record QueueCount(int queueId, String name, int openTickets) {
    }

    /**
     * One ticket of the page.
     *
     * @param priorityId OTRS's priority id (1 very low to 5 very high in a default installation), for the colour stripe
     * @param seen whether the reading agent has seen all its articles (OTRS ticket flag {@code Seen})
     */
    public record Row(long id, String number, String title, String queue, String state, String priority,
            String customerUser, String owner, boolean locked, LocalDateTime created, LocalDateTime changed,
            int priorityId, boolean seen) {
    }

    /** The tickets of this page. */
    public List<Row> rows() {
        return page.rows();
    }

    /** How many tickets match in all. */
    public int total() {
        return page.total();
    }

    public int pages() {
        return page.pages();
    }
}
