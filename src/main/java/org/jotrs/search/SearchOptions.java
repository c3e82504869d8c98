package org.jotrs.search;

import java.util.List;

/**
 * The choices of the advanced search form for one agent.
 *
 * @param queues the queues the agent may read
 * @param shareGroups the groups the agent may share a saved search with (those with {@code rw})
 */
public record SearchOptions(List<Choice> queues, List<String> stateTypes, List<Choice> states,
        List<Choice> priorities, List<Choice> types, List<Choice> agents, List<Choice> shareGroups) {

    public record Choice(int id, String name) {
    }
}
