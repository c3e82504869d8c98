package org.jotrs.ticket.internal;

import java.time.LocalDateTime;
import java.util.Optional;

/** What number generation needs from the database. */
interface TicketNumberStore {

    /**
     * Claims the next counter value in {@code ticket_number_counter}, commits the claim at once
     * and returns it: the last counter (of today, if {@code daily}) plus {@code offset} but at
     * least {@code floor}, or the next free value above that. No one else ever gets the same value.
     *
     * @param now the moment of the claim; its date is the day of a daily counter
     * @param offset how far above the last counter to start, at least 1
     * @param floor the lowest value to hand out (0 for none)
     */
    long claimCounter(LocalDateTime now, boolean daily, long offset, long floor);

    /**
     * Whether {@code ticket_number_counter} has no rows at all (OTRS TicketNumberCounterIsEmpty);
     * joins the caller's transaction.
     */
    boolean counterIsEmpty();

    /** Whether a ticket has this number (OTRS TicketIDLookup); joins the caller's transaction. */
    boolean ticketExists(String ticketNumber);

    /**
     * The number of the ticket with the highest id, unless that is ticket 1 (OTRS's welcome
     * ticket) or there is none.
     */
    Optional<String> newestTicketNumber();
}
