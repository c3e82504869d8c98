package org.jotrs.ticket;

import java.util.List;

import org.jotrs.queue.Queue;

/** The choices the zoom's action forms offer: states, priorities, and queues the agent may move into. */
public record ZoomOptions(List<String> states, List<String> priorities, List<Queue> moveTargets) {
}
