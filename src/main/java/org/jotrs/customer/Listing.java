package org.jotrs.customer;

import java.util.List;

/** One page of a list: the rows, the page number (from 0) and how many rows match in all. */
public record Listing<T>(List<T> rows, int page, int pageSize, int total) {

    public int pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
