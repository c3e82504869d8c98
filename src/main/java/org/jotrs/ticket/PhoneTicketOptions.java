package org.jotrs.ticket;

import java.util.List;

import org.jotrs.queue.Queue;

/** What the phone ticket form offers an agent: queues they may create in, priorities and states. */
public record PhoneTicketOptions(List<Queue> queues, List<String> priorities, List<String> states,
        String defaultPriority, String defaultState) {
}
