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
     * @param escalation whether its earliest escalation time ({@code escalation_time}) has passed or is near
     */
    public record Row(long id, String number, String title, String queue, String state, String priority,
            String customerUser, String owner, boolean locked, LocalDateTime created, LocalDateTime changed,
            int priorityId, boolean seen, Escalation escalation) {
    }

    /** A ticket's escalation as the lists and the zoom mark it. */
    public enum Escalation {
        NONE, SOON, ESCALATED;

        /** How near "soon" is: an hour of clock time, the warning an agent can still act on. */
        public static final java.time.Duration SOON_WITHIN = java.time.Duration.ofHours(1);

        /** From OTRS's {@code escalation_time} (epoch seconds, 0 for none). */
        public static Escalation of(int escalationTime, java.time.Instant now) {
            if (escalationTime <= 0) {
                return NONE;
            }
            java.time.Instant at = java.time.Instant.ofEpochSecond(escalationTime);
            if (!at.isAfter(now)) {
                return ESCALATED;
            }
            return at.isBefore(now.plus(SOON_WITHIN)) ? SOON : NONE;
        }
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
