package org.jotrs.search;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One page of results.
 *
 * @param total how many tickets the agent may read match (from the index; it may trail the database
 *     by the moment the index takes to follow a change)
 * @param indexNotice a note for the agent when the index is incomplete (a rebuild in progress), else null
 */
public record SearchResult(List<Hit> hits, long total, int page, int pageSize, String indexNotice) {

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
