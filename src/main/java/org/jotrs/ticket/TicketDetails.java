package org.jotrs.ticket;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.jotrs.article.ArticleView;

/**
 * A ticket as the zoom shows it: header data, links, articles and history.
 *
 * @param timeUnits the total accounted time
 * @param watchedByReader whether the agent reading it watches it
 * @param links the linked tickets the reader may read
 * @param hiddenLinks how many more linked tickets there are that the reader may not read (only counted)
 * @param queueId the queue's id ({@code queue} is its name)
 * @param escalationAt the earliest escalation deadline ({@code escalation_time}), or null when none
 * @param escalation whether it has passed or is near
 */
public record TicketDetails(long id, String number, String title, String queue, String state, String stateType,
        String priority, String type, String lock, int ownerId, String owner, int responsibleId, String responsible,
        String customerUser, String customerId, LocalDateTime created, LocalDateTime changed,
        LocalDateTime pendingUntil, BigDecimal timeUnits, boolean watchedByReader, List<LinkedTicket> links,
        int hiddenLinks, List<ArticleView> articles, List<HistoryEntry> history, int queueId,
        LocalDateTime escalationAt, TicketList.Escalation escalation) {

    public boolean merged() {
        return "merged".equals(stateType);
    }

    public boolean locked() {
        return !"unlock".equals(lock);
    }

    /**
     * A ticket linked to this one.
     *
     * @param relation "Normal", "Parent" (the other ticket is this one's parent) or "Child"
     */
    public record LinkedTicket(long id, String number, String title, String state, boolean closed, String relation) {
    }

    /**
     * One OTRS history row.
     *
     * @param values the {@code %%}-separated values of the OTRS history name
     */
    public record HistoryEntry(LocalDateTime time, String type, List<String> values, String agent) {
    }
}
