package org.jotrs.ticket;

/** There is no ticket with this id. */
public class NoSuchTicket extends RuntimeException {

    public NoSuchTicket(long ticketId) {
        super("There is no ticket " + ticketId + ".");
    }
}
