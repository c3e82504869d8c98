package org.jotrs.ticket;

/**
 * Where an incoming mail went.
 *
 * @param reopened a closed or pending ticket was set back to {@code open} by the follow-up
 * @param rejected a follow-up to a closed ticket whose queue rejects follow-ups (stored, not reopened)
 * @param newTicket a new ticket was opened (first mail, or a follow-up to a closed ticket whose queue opens new tickets)
 */
public record MailArrival(long ticketId, String ticketNumber, long articleId, boolean newTicket, boolean reopened,
        boolean rejected) {
}
