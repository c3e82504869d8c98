package org.jotrs.ticket;

import java.util.Optional;

/**
 * Ticket numbers made and recognised exactly as OTRS 6 / Znuny do it, with the generator chosen
 * by {@code jotrs.ticket.number.generator} (OTRS {@code Ticket::NumberGenerator}), so an OTRS
 * database goes on with the numbers it would have made itself. docs/ticket-numbers.md describes
 * the formats and settings.
 */
public interface TicketNumbers {

    /**
     * A new ticket number that no ticket has yet.
     *
     * <p>The check against existing tickets joins the caller's transaction. The counter value
     * that counter-based generators claim in {@code ticket_number_counter} is committed at once,
     * on a connection of its own, as OTRS commits it: it is never handed out twice, on any number
     * of nodes, no creator waits for another one's transaction, and a ticket whose creation rolls
     * back leaves a gap in the numbers, as in OTRS.
     *
     * @throws IllegalStateException when no free number was found within OTRS's loop limit
     */
    String next();

    /**
     * The ticket number in a text such as a mail subject, found the way OTRS's
     * {@code GetTNByString} finds it: the ticket hook (e.g. {@code Ticket#}), the hook divider,
     * then a number of the configured generator's shape; failing that, the hook, a colon and up
     * to two spaces. Whether a ticket with that number exists is not checked.
     */
    Optional<String> findIn(String text);
}
