package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_FLAG;
import static org.jotrs.platform.db.schema.Tables.TICKET_WATCHER;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.ticket.TicketCounts;
import org.jotrs.ticket.TicketCounts.Named;
import org.jotrs.ticket.TicketList.QueueCount;
import org.jotrs.ticket.internal.TicketLookups.State;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The navigation's and dashboard's counts: shared open counts for queues and states, exact ones for the agent's own tickets. */
@Component
class TicketCounting {

    private final DSLContext db;
    private final AccessService access;
    private final QueueViewing queueViewing;
    private final TicketLookups lookups;

    TicketCounting(DSLContext db, AccessService access, QueueViewing queueViewing, TicketLookups lookups) {
        this.db = db;
        this.access = access;
        this.queueViewing = queueViewing;
        this.lookups = lookups;
    }

    @Transactional(readOnly = true)
    TicketCounts counts(int actorId) {
        Set<Integer> groups = access.groupsWith(actorId, Permission.RO);
        List<QueueCount> queues = queueViewing.readableQueueCounts(groups);
        Map<Short, Integer> perState = queueViewing.openCountsByState(queues.stream().map(QueueCount::queueId).toList());
        List<State> states = lookups.states();
        List<Named> byState = states.stream().filter(state -> perState.getOrDefault(state.id(), 0) > 0)
                .map(state -> new Named(state.name(), perState.get(state.id()))).toList();
        int newTickets = states.stream().filter(state -> "new".equals(state.type()))
                .mapToInt(state -> perState.getOrDefault(state.id(), 0)).sum();
        List<Named> byQueue = queues.stream().filter(queue -> queue.openTickets() > 0)
                .map(queue -> new Named(queue.name(), queue.openTickets())).toList();
        // OTRS's ticket_user_id index; the unread ones by OTRS's (ticket_id, create_by) flag index.
        var mine = TICKET.USER_ID.eq(actorId).and(TICKET.TICKET_LOCK_ID.eq(lookups.lockId("lock")));
        int locked = db.fetchCount(TICKET, mine);
        int unread = db.fetchCount(TICKET, mine.and(DSL.notExists(DSL.selectOne().from(TICKET_FLAG)
                .where(TICKET_FLAG.TICKET_ID.eq(TICKET.ID)).and(TICKET_FLAG.CREATE_BY.eq(actorId))
                .and(TICKET_FLAG.TICKET_KEY.eq(TicketFlags.SEEN)))));
        int watched = db.fetchCount(TICKET_WATCHER, TICKET_WATCHER.USER_ID.eq(actorId));
        return new TicketCounts(newTickets, locked, unread, watched, byState, byQueue);
    }
}
