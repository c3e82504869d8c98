package org.jotrs.ticket;

import java.util.List;

import org.jotrs.access.AgentRef;
import org.jotrs.queue.Queue;

/**
 * What the new-ticket forms (phone and email) offer an agent: queues they may create in,
 * priorities, states, types, and the valid agents to choose owner and responsible from (the
 * service checks that the chosen ones may own tickets in the chosen queue).
 */
public record PhoneTicketOptions(List<Queue> queues, List<String> priorities, List<String> states,
        String defaultPriority, String defaultState, List<String> types, String defaultType, List<AgentRef> agents) {
}
