package org.jotrs.ticket.internal;

import java.util.List;

import org.jotrs.ticket.NoSuchTicket;
import org.jotrs.ticket.TicketAction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several actions on one ticket as one change: an answer with its next state, owner and lock.
 * Each action keeps its own permission check, validation and history; the first refusal rolls
 * back the ones before it.
 */
@Component
class TicketActionsTogether {

    private final TicketRows rows;
    private final TicketUpdates updates;
    private final TransactionTemplate transactions;

    TicketActionsTogether(TicketRows rows, TicketUpdates updates, TransactionTemplate transactions) {
        this.rows = rows;
        this.updates = updates;
        this.transactions = transactions;
    }

    void apply(int actorId, long ticketId, List<TicketAction> actions) {
        for (TicketAction action : actions) {
            // These lock a second ticket too, in id order (TicketUpdates); within a batch that
            // already holds this ticket's lock the order could not be kept.
            if (action instanceof TicketAction.MergeInto || action instanceof TicketAction.LinkTo
                    || action instanceof TicketAction.Unlink) {
                throw new IllegalArgumentException("Merges and links are applied on their own: " + action);
            }
        }
        if (!rows.mayRead(actorId, rows.read(ticketId))) {
            throw new NoSuchTicket(ticketId);
        }
        transactions.executeWithoutResult(status -> {
            // The row lock first, so every read after it sees the latest committed ticket (MariaDB).
            rows.lockAndRead(ticketId);
            for (TicketAction action : actions) {
                updates.apply(actorId, ticketId, action);
            }
        });
    }
}
