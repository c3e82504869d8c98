package org.jotrs.portal;

import java.util.List;

/**
 * The choices of the portal's new ticket form for one customer.
 *
 * @param queues the queues they may open a ticket in (id and name)
 * @param types ticket types to choose from; empty when types may not be chosen
 * @param priorities priorities to choose from; empty when priorities may not be chosen
 * @param defaultPriority the priority preselected
 * @param maxAttachmentSize the largest attachment, in bytes (the agents' limit)
 */
public record NewTicketOptions(List<Choice> queues, List<String> types, List<String> priorities, String defaultPriority,
        long maxAttachmentSize) {

    public record Choice(int id, String name) {
    }
}
