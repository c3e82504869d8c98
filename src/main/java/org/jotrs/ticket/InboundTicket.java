package org.jotrs.ticket;

/**
 * The ticket fields of a new ticket opened by mail, as the postmaster decided them (queue from the
 * account or the recipient address, the rest from trusted {@code X-OTRS-*} headers or defaults).
 *
 * @param customerUser the customer user's login, or the sender's address when none matched (as OTRS does)
 * @param customerId the customer's company id, or the sender's address when unknown
 * @param priority a priority name, or null for OTRS's default ({@code 3 normal})
 * @param state a state name, or null for {@code new}
 * @param type a ticket type name, or null for the default
 * @param ownerId an owner (the ticket is then locked to them), or null
 * @param responsibleId a responsible agent, or null
 */
public record InboundTicket(int queueId, String title, String customerUser, String customerId, String priority,
        String state, String type, Integer ownerId, Integer responsibleId) {
}
