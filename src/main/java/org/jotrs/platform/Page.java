package org.jotrs.platform;

import java.util.List;

/**
 * One page of a list, the one page type of every paged list (agents, customers, the audit log,
 * tickets).
 *
 * @param rows the rows of this page
 * @param page the page number, from 0
 * @param pageSize how many rows a full page has
 * @param total how many rows match in all
 */
public record Page<T>(List<T> rows, int page, int pageSize, int total) {

    public Page {
        rows = List.copyOf(rows);
    }

    /** How many pages the rows fill; at least one, the empty page. */
    public int pages() {
        return pageCount(total, pageSize);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    /** How many pages {@code total} rows fill; at least one. */
    public static int pageCount(int total, int pageSize) {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /** The requested page number, moved onto an existing page (0 … last). */
    public static int clamp(int requested, int total, int pageSize) {
        return Math.clamp(requested, 0, pageCount(total, pageSize) - 1);
    }
}
