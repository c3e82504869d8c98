package org.jotrs.search;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * A search: the query text in the quick-search syntax plus the advanced screen's filters. Empty
 * sets and null values do not filter. Times are in the server's zone, as the OTRS tables store them.
 *
 * @param query words (all must match), "phrases", -exclusions, OR, field:value; may be empty
 * @param asYouType whether the last word is still being typed (then it also matches as a prefix)
 * @param stateTypes OTRS state type names ({@code new}, {@code open}, {@code closed}, ...)
 * @param locked true: only locked tickets, false: only unlocked, null: both
 * @param page 0-based page
 */
public record SearchRequest(
        String query,
        boolean asYouType,
        Set<Integer> queueIds,
        Set<Integer> stateIds,
        Set<String> stateTypes,
        Set<Integer> priorityIds,
        Set<Integer> typeIds,
        Set<Integer> ownerIds,
        Set<Integer> responsibleIds,
        String customerUser,
        String customerId,
        TimeRange created,
        TimeRange changed,
        TimeRange pending,
        TimeRange escalation,
        Boolean locked,
        SearchSort sort,
        boolean descending,
        int page,
        int pageSize) {

    /** The most rows one page may hold. */
    public static final int MAX_PAGE_SIZE = 200;

    public SearchRequest {
        query = query == null ? "" : query;
        queueIds = queueIds == null ? Set.of() : Set.copyOf(queueIds);
        stateIds = stateIds == null ? Set.of() : Set.copyOf(stateIds);
        stateTypes = stateTypes == null ? Set.of() : Set.copyOf(stateTypes);
        priorityIds = priorityIds == null ? Set.of() : Set.copyOf(priorityIds);
        typeIds = typeIds == null ? Set.of() : Set.copyOf(typeIds);
        ownerIds = ownerIds == null ? Set.of() : Set.copyOf(ownerIds);
        responsibleIds = responsibleIds == null ? Set.of() : Set.copyOf(responsibleIds);
        customerUser = customerUser == null || customerUser.isBlank() ? null : customerUser.strip();
        customerId = customerId == null || customerId.isBlank() ? null : customerId.strip();
        sort = sort == null ? SearchSort.RELEVANCE : sort;
        page = Math.max(0, page);
        pageSize = Math.clamp(pageSize, 1, MAX_PAGE_SIZE);
    }

    /** Just a query, first page of 25, by relevance. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, false, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, SearchSort.RELEVANCE, false, 0, 25);
    }

    /** The same search as someone types it: the last word also matches as a prefix; a few rows. */
    public static SearchRequest typing(String query, int rows) {
        return new SearchRequest(query, true, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, SearchSort.RELEVANCE, false, 0, rows);
    }

    /** This request for another page. */
    public SearchRequest withPage(int otherPage, int otherPageSize) {
        return new SearchRequest(query, asYouType, queueIds, stateIds, stateTypes, priorityIds, typeIds, ownerIds,
                responsibleIds, customerUser, customerId, created, changed, pending, escalation, locked, sort,
                descending, otherPage, otherPageSize);
    }

    /** A time range; either end may be open (null). */
    public record TimeRange(LocalDateTime from, LocalDateTime to) {

        /** Null when both ends are open: no filter. */
        public static TimeRange of(LocalDateTime from, LocalDateTime to) {
            return from == null && to == null ? null : new TimeRange(from, to);
        }
    }
}
