package org.jotrs.search;

import java.util.List;

/**
 * Agents' saved searches: a name and the search page's parameters, listed in the navigation as
 * personal views. A search shared with a group is listed for every agent who may read that group
 * ({@code ro}); only its owner may delete it.
 */
public interface SavedSearches {

    /** A saved search; {@code parameters} is the search page's query string. */
    record SavedSearch(long id, int ownerId, String name, String parameters, Integer sharedGroupId) {
    }

    /** The agent's own saved searches and those shared with groups they may read, by name. */
    List<SavedSearch> visibleTo(int agentId);

    /**
     * Saves a search under a name (replacing the agent's own search of that name).
     *
     * @param sharedGroupId a group to share it with, on which the agent holds {@code rw}; or null
     * @throws org.jotrs.platform.InvalidInput for an empty or over-long name or parameters, or a group
     *     the agent may not share with
     */
    SavedSearch save(int agentId, String name, String parameters, Integer sharedGroupId);

    /**
     * Deletes one of the agent's own saved searches.
     *
     * @throws org.jotrs.platform.NoSuchEntry when the agent has no such saved search
     */
    void delete(int agentId, long savedSearchId);
}
