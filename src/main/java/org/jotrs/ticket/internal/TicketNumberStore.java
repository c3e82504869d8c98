package org.jotrs.ticket.internal;

import java.time.LocalDateTime;
import java.util.Optional;

/** What number generation needs from the database; all of it joins the caller's transaction. */
interface TicketNumberStore {

    /**
     * Claims the next counter value in {@code ticket_number_counter} and returns it: the last
     * counter (of today, if {@code daily}) plus {@code offset}, or the next free value above it.
     * No other caller gets the same value while this one's transaction lives or after it commits.
     *
     * @param now the moment of the claim; its date is the day of a daily counter
     * @param offset how far above the last counter to start, at least 1
     */
    long claimCounter(LocalDateTime now, boolean daily, long offset);

    /** Whether {@code ticket_number_counter} has no rows at all (OTRS TicketNumberCounterIsEmpty). */
    boolean counterIsEmpty();

    /** Whether a ticket has this number (OTRS TicketIDLookup). */
    boolean ticketExists(String ticketNumber);

    /**
     * The number of the ticket with the highest id, unless that is ticket 1 (OTRS's welcome
     * ticket) or there is none.
     */
    Optional<String> newestTicketNumber();
}
