package org.jotrs.ticket;

/** The result of creating a ticket: its ids and number. */
public record CreatedTicket(long ticketId, String ticketNumber, long articleId) {
}
