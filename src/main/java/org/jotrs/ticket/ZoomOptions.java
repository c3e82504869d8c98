package org.jotrs.ticket;

import java.util.List;

import org.jotrs.access.AgentRef;
import org.jotrs.queue.Queue;

/**
 * The choices the zoom's action forms offer for one ticket: states, priorities, types, queues the
 * agent may move into, and the agents who may own it or be responsible (those holding
 * {@code owner} on its queue's group).
 */
public record ZoomOptions(List<String> states, List<String> priorities, List<String> types, List<Queue> moveTargets,
        List<AgentRef> owners) {
}
