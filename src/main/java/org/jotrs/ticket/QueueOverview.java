package org.jotrs.ticket;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The queue view: the queues an agent may read with their counts of open tickets, and one page
 * of the selected queue's open tickets, oldest first (OTRS's default queue view order).
 */
public record QueueOverview(List<QueueCount> queues, Integer selectedQueueId, List<TicketRow> tickets, int page,
        int pageSize, int total) {

    public record QueueCount(int queueId, String name, int openTickets) {
    }

    public record TicketRow(long id, String number, String title, String queue, String state, String priority,
            String customerUser, String owner, LocalDateTime created) {
    }

    public int pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
