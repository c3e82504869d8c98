package org.jotrs.search;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One page of results.
 *
 * @param total how many tickets the agent may read match (from the index; it may trail the database
 *     by the moment the index takes to follow a change)
 * @param totalIsLowerBound whether there are at least {@code total} matches rather than exactly that many
 *     (counting stops at 10,000: counting a million matches exactly would cost more than finding the best)
 * @param indexNotice a note for the agent when the index is incomplete (a rebuild in progress), else null
 */
public record SearchResult(List<Hit> hits, long total, boolean totalIsLowerBound, int page, int pageSize,
        String indexNotice) {

    /** The total as shown: {@code 10000+} when it is a lower bound. */
    public String shownTotal() {
        return totalIsLowerBound ? total + "+" : Long.toString(total);
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /**
     * One ticket found, as the database has it now (read after the index answered).
     *
     * @param snippet HTML: escaped article text with the matched words in {@code <mark>}; null when
     *     the match was not in an article
     */
    public record Hit(long ticketId, String number, String title, String queue, String state, String priority,
            String owner, String customerUser, LocalDateTime created, LocalDateTime changed, String snippet) {
    }
}
