package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;

import java.time.Clock;
import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes OTRS {@code ticket_history} rows. Like OTRS's HistoryAdd, each row carries the ticket's
 * type, queue, owner, priority and state at the time, and its {@code name} follows OTRS's
 * {@code %%value%%value} conventions, which OTRS's history screen translates. Each row names its
 * ticket to {@link TicketEscalations}, which rebuilds the escalation columns before the commit.
 */
@Component
class TicketHistory {

    private final DSLContext db;
    private final TicketLookups lookups;
    private final Clock clock;
    private final TicketEscalations escalations;

    TicketHistory(DSLContext db, TicketLookups lookups, Clock clock, TicketEscalations escalations) {
        this.db = db;
        this.lookups = lookups;
        this.clock = clock;
        this.escalations = escalations;
    }

    /** The ticket's values a history row records. */
    record Snapshot(long ticketId, short typeId, int queueId, int ownerId, short priorityId, short stateId) {

        Snapshot withState(short id) {
            return new Snapshot(ticketId, typeId, queueId, ownerId, priorityId, id);
        }

        Snapshot withPriority(short id) {
            return new Snapshot(ticketId, typeId, queueId, ownerId, id, stateId);
        }

        Snapshot withQueue(int id) {
            return new Snapshot(ticketId, typeId, id, ownerId, priorityId, stateId);
        }

        Snapshot withType(short id) {
            return new Snapshot(ticketId, id, queueId, ownerId, priorityId, stateId);
        }

        Snapshot withOwner(int id) {
            return new Snapshot(ticketId, typeId, queueId, id, priorityId, stateId);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void add(Snapshot ticket, Long articleId, HistoryType historyType, String name, int actorId) {
        LocalDateTime now = LocalDateTime.now(clock);
        db.insertInto(TICKET_HISTORY)
                .set(TICKET_HISTORY.NAME, truncate(name))
                .set(TICKET_HISTORY.HISTORY_TYPE_ID, lookups.historyTypeId(historyType))
                .set(TICKET_HISTORY.TICKET_ID, ticket.ticketId())
                .set(TICKET_HISTORY.ARTICLE_ID, articleId)
                .set(TICKET_HISTORY.TYPE_ID, ticket.typeId())
                .set(TICKET_HISTORY.QUEUE_ID, ticket.queueId())
                .set(TICKET_HISTORY.OWNER_ID, ticket.ownerId())
                .set(TICKET_HISTORY.PRIORITY_ID, ticket.priorityId())
                .set(TICKET_HISTORY.STATE_ID, ticket.stateId())
                .set(TICKET_HISTORY.CREATE_TIME, now)
                .set(TICKET_HISTORY.CREATE_BY, actorId)
                .set(TICKET_HISTORY.CHANGE_TIME, now)
                .set(TICKET_HISTORY.CHANGE_BY, actorId)
                .execute();
        // Every ticket change writes a history row: the escalation index follows it before the commit.
        escalations.touched(ticket.ticketId());
    }

    /** A history row waiting for {@link #addAll}. */
    record Entry(Snapshot ticket, Long articleId, HistoryType historyType, String name) {
    }

    /**
     * Several rows in one multi-row INSERT, in the given order (their ids follow it), for use
     * cases that write many at once, such as creating a ticket.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void addAll(java.util.List<Entry> entries, int actorId) {
        if (entries.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        var insert = db.insertInto(TICKET_HISTORY, TICKET_HISTORY.NAME, TICKET_HISTORY.HISTORY_TYPE_ID,
                TICKET_HISTORY.TICKET_ID, TICKET_HISTORY.ARTICLE_ID, TICKET_HISTORY.TYPE_ID, TICKET_HISTORY.QUEUE_ID,
                TICKET_HISTORY.OWNER_ID, TICKET_HISTORY.PRIORITY_ID, TICKET_HISTORY.STATE_ID, TICKET_HISTORY.CREATE_TIME,
                TICKET_HISTORY.CREATE_BY, TICKET_HISTORY.CHANGE_TIME, TICKET_HISTORY.CHANGE_BY);
        for (Entry entry : entries) {
            Snapshot ticket = entry.ticket();
            insert = insert.values(truncate(entry.name()), lookups.historyTypeId(entry.historyType()), ticket.ticketId(),
                    entry.articleId(), ticket.typeId(), ticket.queueId(), ticket.ownerId(), ticket.priorityId(),
                    ticket.stateId(), now, actorId, now, actorId);
        }
        insert.execute();
        for (Entry entry : entries) {
            escalations.touched(entry.ticket().ticketId());
        }
    }

    /** OTRS cuts history names to the column's 200 characters. */
    private static String truncate(String name) {
        return name.length() <= 200 ? name : name.substring(0, 200);
    }
}
