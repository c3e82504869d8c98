package org.jotrs.ticket;

/** The ticket has no such article, or the article no such attachment or HTML body. */
public class NoSuchAttachment extends RuntimeException {

    public NoSuchAttachment(long ticketId, long articleId) {
        super("Ticket " + ticketId + " has no such article " + articleId + " or attachment.");
    }
}
