package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;

import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.ticket.TicketSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A customer user's open tickets for the zoom's customer panel, filtered by the agent's read permission. */
@Component
class CustomerTickets {

    private final DSLContext db;
    private final AccessService access;

    CustomerTickets(DSLContext db, AccessService access) {
        this.db = db;
        this.access = access;
    }

    /** On OTRS's index of {@code ticket.customer_user_id}; the reader's rule as in the ticket lists. */
    @Transactional(readOnly = true)
    List<TicketSummary> openOf(int actorId, String customerUser, long exceptTicketId, int limit) {
        if (customerUser == null || customerUser.isBlank()) {
            return List.of();
        }
        Set<Integer> readableGroups = access.groupsWith(actorId, Permission.RO);
        return db.select(TICKET.ID, TICKET.TN, TICKET.TITLE, TICKET_STATE.NAME, TICKET.TICKET_PRIORITY_ID,
                        TICKET.CHANGE_TIME)
                .from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .where(TICKET.CUSTOMER_USER_ID.eq(customerUser))
                .and(TICKET.ID.ne(exceptTicketId))
                .and(TICKET_STATE_TYPE.NAME.in(QueueViewing.OPEN_STATE_TYPES))
                .and(QUEUE.GROUP_ID.in(readableGroups).or(TICKET.USER_ID.eq(actorId))
                        .or(TICKET.RESPONSIBLE_USER_ID.eq(actorId)))
                .orderBy(TICKET.CHANGE_TIME.desc(), TICKET.ID.desc())
                .limit(limit)
                .fetch(r -> new TicketSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }
}
