package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jotrs.platform.ChangeFeed;
import org.jotrs.platform.ColumnLimits;
import org.jotrs.platform.FeedKind;
import org.jotrs.queue.Queue;
import org.jotrs.ticket.TicketNumbers;
import org.jotrs.ticket.internal.TicketHistory.Snapshot;
import org.jotrs.ticket.internal.TicketLookups.Priority;
import org.jotrs.ticket.internal.TicketLookups.State;
import org.springframework.stereotype.Component;

/**
 * The one way a ticket row comes into being, for every kind of creation (agent screens, mail,
 * system tickets): the next ticket number, the {@code ticket} row as OTRS's TicketCreate writes it,
 * the change-feed row {@code TicketCreate}, and the history rows OTRS writes for the new ticket
 * (NewTicket, CustomerUpdate, Lock, OwnerUpdate, ResponsibleUpdate; the agent screens write their
 * owner, responsible and pending rows after the first article, see TicketCreation). The history
 * rows are returned, not written, so that the caller adds those of the first article and writes
 * them all in one statement. Callers validate first and run in their own transaction.
 */
@Component
class NewTickets {

    /** OTRS gives unowned tickets to user 1 and makes it responsible unless told otherwise. */
    static final int NOBODY = 1;
    /** OTRS's {@code ticket.title} length, from the schema. */
    static final int MAX_TITLE = ColumnLimits.length(TICKET.TITLE);

    private final DSLContext db;
    private final TicketNumbers numbers;
    private final TicketLookups lookups;
    private final ChangeFeed feed;
    private final Clock clock;

    NewTickets(DSLContext db, TicketNumbers numbers, TicketLookups lookups, ChangeFeed feed, Clock clock) {
        this.db = db;
        this.numbers = numbers;
        this.lookups = lookups;
        this.feed = feed;
        this.clock = clock;
    }

    /** The customer of a new ticket as OTRS stores it ({@code customer_id}, {@code customer_user_id}); either may be null. */
    record Customer(String customerId, String login) {
    }

    /**
     * A validated new ticket.
     *
     * @param ownerId the owner, or null for {@link #NOBODY}; an owner locks the ticket
     * @param ownerLogin the owner's login for the OwnerUpdate history row, or null to write none
     * @param responsibleId the responsible agent, or null for {@link #NOBODY}
     * @param responsibleLogin the responsible agent's login for the ResponsibleUpdate row, or null to write none
     * @param customer the customer, or null for a ticket without one (no CustomerUpdate row)
     * @param pendingUntil when a pending state ends ({@code until_time}); used only when the state is
     *     pending, and its SetPendingTime row is the caller's
     */
    record Draft(String title, Queue queue, short typeId, Priority priority, State state, Integer ownerId,
            String ownerLogin, Integer responsibleId, String responsibleLogin, Customer customer,
            LocalDateTime pendingUntil, int actorId) {
    }

    /** The new ticket, with the history rows it needs so far (for the caller to write with the article's). */
    record Created(long id, String number, Snapshot snapshot, List<TicketHistory.Entry> history) {
    }

    Created insert(Draft draft) {
        LocalDateTime now = LocalDateTime.now(clock);
        String number = numbers.next();
        Queue queue = draft.queue();
        State state = draft.state();
        int untilTime = state.pending()
                ? ColumnLimits.epochSeconds("pendingUntil", draft.pendingUntil(), clock.getZone())
                : 0;
        int ownerId = draft.ownerId() == null ? NOBODY : draft.ownerId();
        int responsibleId = draft.responsibleId() == null ? NOBODY : draft.responsibleId();
        boolean locked = draft.ownerId() != null;
        Customer customer = draft.customer();
        long ticketId = db.insertInto(TICKET)
                .set(TICKET.TN, number)
                .set(TICKET.TITLE, draft.title())
                .set(TICKET.QUEUE_ID, queue.id())
                .set(TICKET.TICKET_LOCK_ID, lookups.lockId(locked ? "lock" : "unlock"))
                .set(TICKET.TYPE_ID, draft.typeId())
                .set(TICKET.USER_ID, ownerId)
                .set(TICKET.RESPONSIBLE_USER_ID, responsibleId)
                .set(TICKET.TICKET_PRIORITY_ID, draft.priority().id())
                .set(TICKET.TICKET_STATE_ID, state.id())
                .set(TICKET.CUSTOMER_ID, customer == null ? null : customer.customerId())
                .set(TICKET.CUSTOMER_USER_ID, customer == null ? null : customer.login())
                // OTRS's TicketCreate inserts 0; its unlock timeout counts from the first agent
                // article or lock, which set it (ArticleArrival.resetUnlockTimeout).
                .set(TICKET.TIMEOUT, 0)
                .set(TICKET.UNTIL_TIME, untilTime)
                .set(TICKET.ESCALATION_TIME, 0)
                .set(TICKET.ESCALATION_UPDATE_TIME, 0)
                .set(TICKET.ESCALATION_RESPONSE_TIME, 0)
                .set(TICKET.ESCALATION_SOLUTION_TIME, 0)
                .set(TICKET.ARCHIVE_FLAG, (short) 0)
                .set(TICKET.CREATE_TIME, now)
                .set(TICKET.CREATE_BY, draft.actorId())
                .set(TICKET.CHANGE_TIME, now)
                .set(TICKET.CHANGE_BY, draft.actorId())
                .returning(TICKET.ID)
                .fetchSingle()
                .getId();
        feed.append(ChangeFeed.ObjectType.TICKET, ticketId, ticketId, FeedKind.TICKET_CREATE, draft.actorId());

        Snapshot snapshot = new Snapshot(ticketId, draft.typeId(), queue.id(), ownerId, draft.priority().id(), state.id());
        List<TicketHistory.Entry> rows = new ArrayList<>();
        rows.add(new TicketHistory.Entry(snapshot, null, HistoryType.NEW_TICKET, "%%" + number + "%%" + queue.name() + "%%"
                + draft.priority().name() + "%%" + state.name() + "%%" + ticketId));
        if (customer != null) {
            rows.add(new TicketHistory.Entry(snapshot, null, HistoryType.CUSTOMER_UPDATE, "%%CustomerID=" + customer.customerId()
                    + ";CustomerUser=" + customer.login() + ";"));
        }
        if (locked) {
            rows.add(new TicketHistory.Entry(snapshot, null, HistoryType.LOCK, "%%lock"));
            if (draft.ownerLogin() != null) {
                rows.add(new TicketHistory.Entry(snapshot, null, HistoryType.OWNER_UPDATE, "%%" + draft.ownerLogin() + "%%" + ownerId));
            }
        }
        if (draft.responsibleId() != null && draft.responsibleLogin() != null) {
            rows.add(new TicketHistory.Entry(snapshot, null, HistoryType.RESPONSIBLE_UPDATE, "%%" + draft.responsibleLogin() + "%%"
                    + responsibleId));
        }
        return new Created(ticketId, number, snapshot, rows);
    }
}
