package org.jotrs.ticket;

import java.time.LocalDateTime;
import java.util.List;

import org.jotrs.article.ArticleView;

/** A ticket as the zoom shows it: header data, articles and history. */
public record TicketDetails(long id, String number, String title, String queue, String state, String stateType,
        String priority, String lock, String owner, String responsible, String customerUser, String customerId,
        LocalDateTime created, LocalDateTime changed, LocalDateTime pendingUntil, List<ArticleView> articles,
        List<HistoryEntry> history) {

    /**
     * One OTRS history row.
     *
     * @param values the {@code %%}-separated values of the OTRS history name
     */
    public record HistoryEntry(LocalDateTime time, String type, List<String> values, String agent) {
    }
}
