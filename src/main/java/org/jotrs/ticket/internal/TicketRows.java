package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_LOCK_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_TYPE;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jotrs.access.AccessService;
import org.jotrs.access.Permission;
import org.jotrs.access.PermissionDenied;
import org.jotrs.platform.db.schema.tables.Users;
import org.jotrs.ticket.NoSuchTicket;
import org.jotrs.ticket.internal.TicketHistory.Snapshot;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket row as every change starts from it: read with its row locked, checked with OTRS's
 * ticket permission rules, and stamped on update.
 */
@Component
class TicketRows {

    private final DSLContext db;
    private final AccessService access;
    private final Clock clock;

    TicketRows(DSLContext db, AccessService access, Clock clock) {
        this.db = db;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The ticket row with the names its ids stand for: what an action starts from and what the
     * zoom shows.
     *
     * @param lockName OTRS's lock name ({@code lock}, {@code unlock}, {@code tmp_lock})
     * @param typeName the ticket type's name, or null when the row has none
     * @param untilTime the end of a pending state in epoch seconds, 0 when none
     * @param escalationTime OTRS's {@code escalation_time}: the earliest deadline in epoch seconds, 0 when none
     */
    record Current(Snapshot snapshot, String number, String title, int responsibleId, String queueName, int groupId,
            String stateName, String stateType, String priorityName, String lockName, String ownerLogin,
            String responsibleLogin, String customerUserId, String customerId, String typeName,
            LocalDateTime created, LocalDateTime changed, int untilTime, int escalationTime) {

        long ticketId() {
            return snapshot.ticketId();
        }

        boolean merged() {
            return "merged".equals(stateType);
        }

        boolean locked() {
            return !"unlock".equals(lockName);
        }
    }

    /** Reads the ticket and locks its row until the transaction ends (SELECT ... FOR UPDATE). */
    @Transactional(propagation = Propagation.MANDATORY)
    Current lockAndRead(long ticketId) {
        db.select(TICKET.ID).from(TICKET).where(TICKET.ID.eq(ticketId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new NoSuchTicket(ticketId));
        return read(ticketId);
    }

    /** The one select of a ticket row and its names (queue, state, priority, lock, type, owner, responsible). */
    Current read(long ticketId) {
        Users owner = USERS.as("owner");
        Users responsible = USERS.as("responsible");
        return db.select(TICKET.ID, TICKET.TYPE_ID, TICKET.QUEUE_ID, TICKET.USER_ID, TICKET.TICKET_PRIORITY_ID,
                        TICKET.TICKET_STATE_ID, TICKET.TN, TICKET.TITLE, TICKET.RESPONSIBLE_USER_ID, QUEUE.NAME,
                        QUEUE.GROUP_ID, TICKET_STATE.NAME, TICKET_STATE_TYPE.NAME, TICKET_PRIORITY.NAME,
                        TICKET_LOCK_TYPE.NAME, owner.LOGIN, responsible.LOGIN, TICKET.CUSTOMER_USER_ID,
                        TICKET.CUSTOMER_ID, TICKET_TYPE.NAME, TICKET.CREATE_TIME, TICKET.CHANGE_TIME, TICKET.UNTIL_TIME,
                        TICKET.ESCALATION_TIME)
                .from(TICKET)
                .join(QUEUE).on(QUEUE.ID.eq(TICKET.QUEUE_ID))
                .join(TICKET_STATE).on(TICKET_STATE.ID.eq(TICKET.TICKET_STATE_ID))
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .join(TICKET_PRIORITY).on(TICKET_PRIORITY.ID.eq(TICKET.TICKET_PRIORITY_ID))
                .join(TICKET_LOCK_TYPE).on(TICKET_LOCK_TYPE.ID.eq(TICKET.TICKET_LOCK_ID))
                .leftJoin(TICKET_TYPE).on(TICKET_TYPE.ID.eq(TICKET.TYPE_ID))
                .leftJoin(owner).on(owner.ID.eq(TICKET.USER_ID))
                .leftJoin(responsible).on(responsible.ID.eq(TICKET.RESPONSIBLE_USER_ID))
                .where(TICKET.ID.eq(ticketId))
                .fetchOptional(r -> new Current(
                        new Snapshot(r.get(TICKET.ID), r.get(TICKET.TYPE_ID) == null ? (short) 0 : r.get(TICKET.TYPE_ID),
                                r.get(TICKET.QUEUE_ID), r.get(TICKET.USER_ID), r.get(TICKET.TICKET_PRIORITY_ID),
                                r.get(TICKET.TICKET_STATE_ID)),
                        r.get(TICKET.TN), r.get(TICKET.TITLE), r.get(TICKET.RESPONSIBLE_USER_ID), r.get(QUEUE.NAME),
                        r.get(QUEUE.GROUP_ID), r.get(TICKET_STATE.NAME), r.get(TICKET_STATE_TYPE.NAME),
                        r.get(TICKET_PRIORITY.NAME), r.get(TICKET_LOCK_TYPE.NAME), r.get(owner.LOGIN),
                        r.get(responsible.LOGIN), r.get(TICKET.CUSTOMER_USER_ID), r.get(TICKET.CUSTOMER_ID),
                        r.get(TICKET_TYPE.NAME), r.get(TICKET.CREATE_TIME), r.get(TICKET.CHANGE_TIME),
                        r.get(TICKET.UNTIL_TIME) == null ? 0 : r.get(TICKET.UNTIL_TIME),
                        r.get(TICKET.ESCALATION_TIME) == null ? 0 : r.get(TICKET.ESCALATION_TIME)))
                .orElseThrow(() -> new NoSuchTicket(ticketId));
    }

    /**
     * OTRS's ticket permission check: the owner and the responsible agent may act on their ticket
     * (Ticket::Permission::OwnerCheck and ResponsibleCheck); everyone else needs the permission
     * on the queue's group. A ticket locked by another agent takes rw on the group as well.
     *
     * <p>An agent who may not even read the ticket (neither {@code ro} nor the action's permission
     * on its group) learns nothing about it: the answer is {@link NoSuchTicket}, the same as for an
     * id that does not exist, and a refusal names neither the ticket's number nor its queue.
     */
    void require(int actorId, Current current, Permission permission, String action, String... args) {
        Snapshot ticket = current.snapshot();
        if (ticket.ownerId() == actorId || current.responsibleId() == actorId) {
            return;
        }
        Set<Permission> held = access.permissionsOn(actorId, current.groupId());
        if (!held.contains(Permission.RO) && !held.contains(permission)) {
            throw new NoSuchTicket(current.ticketId());
        }
        access.require(actorId, current.groupId(), permission, action, args);
        if (permission != Permission.RO && current.locked() && !held.contains(Permission.RW)) {
            // The agent may read the ticket, so naming its owner tells nothing new.
            throw new PermissionDenied(Permission.RW,
                    "permission.action.change-locked", current.ownerLogin());
        }
    }

    /** Whether the agent may read the ticket: owner, responsible, or {@code ro} on its queue's group. */
    boolean mayRead(int actorId, Current current) {
        return current.snapshot().ownerId() == actorId || current.responsibleId() == actorId
                || access.permissionsOn(actorId, current.groupId()).contains(Permission.RO);
    }

    /** Sets the values and stamps the change, as every OTRS ticket update does. */
    void update(long ticketId, int actorId, Map<? extends Field<?>, ?> values) {
        Map<Field<?>, Object> all = new HashMap<>(values);
        all.put(TICKET.CHANGE_TIME, LocalDateTime.now(clock));
        all.put(TICKET.CHANGE_BY, actorId);
        db.update(TICKET).set(all).where(TICKET.ID.eq(ticketId)).execute();
    }
}
