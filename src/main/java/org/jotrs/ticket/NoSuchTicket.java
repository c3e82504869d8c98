package org.jotrs.ticket;

import org.jotrs.platform.NoSuchEntry;

/** There is no ticket with this id; shown as 404 like every missing entry. */
public class NoSuchTicket extends NoSuchEntry {

    public NoSuchTicket(long ticketId) {
        super("not-found.ticket", String.valueOf(ticketId));
    }
}
