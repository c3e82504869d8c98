package org.jotrs.search;

import java.util.Optional;

/**
 * Full-text search over the tickets an agent may read. Every result, page and count is filtered
 * by the agent's read permission as it is at the time of the call (owner, responsible, or
 * {@code ro} on the ticket's queue's group), so a permission change counts from the next search.
 */
public interface TicketSearch {

    /**
     * One page of the tickets matching the request, best first unless another order is asked.
     *
     * @throws InvalidSearch for a query that cannot be run (syntax, too long, leading wildcard)
     */
    SearchResult search(int agentId, SearchRequest request);

    /**
     * How many tickets the agent may read match the request.
     *
     * @throws InvalidSearch for a query that cannot be run
     */
    long count(int agentId, SearchRequest request);

    /** The ticket whose number is exactly the query, when the agent may read it: quick search jumps there. */
    Optional<Long> ticketWithNumber(int agentId, String query);

    /**
     * How this node's index stands: documents, size on disk, feed position, a rebuild in progress.
     *
     * @throws org.jotrs.access.PermissionDenied for agents who are not administrators
     */
    SearchIndexStatus status(int agentId);

    /** The choices of the advanced search form for this agent (queues they may read, states, agents ...). */
    SearchOptions options(int agentId);

    /**
     * Starts a full rebuild from the database in the background, while searches keep being served
     * from the current index; does nothing when one is already running.
     *
     * @throws org.jotrs.access.PermissionDenied for agents who are not administrators
     */
    void rebuild(int agentId);
}
