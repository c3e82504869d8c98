package org.jotrs.ticket.internal;

import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_LOCK_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_TYPE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The ticket lookup tables, read by OTRS name: ids follow OTRS's insert order in a fresh
 * database, but an adopted one may differ, and names are what OTRS's own code uses.
 */
@Component
class TicketLookups {

    private static final short VALID = 1;

    private final DSLContext db;
    private final Map<String, Short> systemIds = new ConcurrentHashMap<>();

    TicketLookups(DSLContext db) {
        this.db = db;
    }

    record State(short id, String name, String type) {

        boolean pending() {
            return type.startsWith("pending");
        }

        /** OTRS's frontends unlock a ticket set to a state whose type starts with "close". */
        boolean closed() {
            return type.startsWith("close");
        }

        /** Merged and removed come only from merging and deleting, never from a state field. */
        boolean settableOnCreate() {
            return !type.equals("merged") && !type.equals("removed");
        }

        /** An existing ticket cannot go back to "new". */
        boolean settableOnChange() {
            return settableOnCreate() && !type.equals("new");
        }
    }

    record Priority(short id, String name) {
    }

    /** A valid state by name, with its state type's name. */
    Optional<State> state(String name) {
        return db.select(TICKET_STATE.ID, TICKET_STATE.NAME, TICKET_STATE_TYPE.NAME)
                .from(TICKET_STATE)
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .where(TICKET_STATE.NAME.eq(name))
                .and(TICKET_STATE.VALID_ID.eq(VALID))
                .fetchOptional(r -> new State(r.value1(), r.value2(), r.value3()));
    }

    /** The valid priority, ticket type and state of these names, if there are such. */
    record Chosen(Optional<Priority> priority, Optional<TicketType> type, Optional<State> state) {
    }

    /** {@link #priority}, {@link #type} and {@link #state} in one query: what a new ticket needs. */
    Chosen chosen(String priority, String type, String state) {
        Field<String> kind = DSL.field(DSL.name("kind"), String.class);
        Field<String> noStateType = DSL.castNull(TICKET_STATE_TYPE.NAME.getDataType());
        var rows = db.select(DSL.inline("priority").as(kind), TICKET_PRIORITY.ID, TICKET_PRIORITY.NAME, noStateType)
                .from(TICKET_PRIORITY)
                .where(TICKET_PRIORITY.NAME.eq(priority)).and(TICKET_PRIORITY.VALID_ID.eq(VALID))
                .unionAll(DSL.select(DSL.inline("type").as(kind), TICKET_TYPE.ID, TICKET_TYPE.NAME, noStateType)
                        .from(TICKET_TYPE)
                        .where(TICKET_TYPE.NAME.eq(type)).and(TICKET_TYPE.VALID_ID.eq(VALID)))
                .unionAll(DSL.select(DSL.inline("state").as(kind), TICKET_STATE.ID, TICKET_STATE.NAME, TICKET_STATE_TYPE.NAME)
                        .from(TICKET_STATE)
                        .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                        .where(TICKET_STATE.NAME.eq(state)).and(TICKET_STATE.VALID_ID.eq(VALID)))
                .fetch();
        Optional<Priority> chosenPriority = Optional.empty();
        Optional<TicketType> chosenType = Optional.empty();
        Optional<State> chosenState = Optional.empty();
        for (var row : rows) {
            switch (row.value1()) {
                case "priority" -> chosenPriority = Optional.of(new Priority(row.value2(), row.value3()));
                case "type" -> chosenType = Optional.of(new TicketType(row.value2(), row.value3()));
                default -> chosenState = Optional.of(new State(row.value2(), row.value3(), row.value4()));
            }
        }
        return new Chosen(chosenPriority, chosenType, chosenState);
    }

    /** Valid states in id order. */
    List<State> states() {
        return db.select(TICKET_STATE.ID, TICKET_STATE.NAME, TICKET_STATE_TYPE.NAME)
                .from(TICKET_STATE)
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .where(TICKET_STATE.VALID_ID.eq(VALID))
                .orderBy(TICKET_STATE.ID)
                .fetch(r -> new State(r.value1(), r.value2(), r.value3()));
    }

    /** Valid priority names in id order ("1 very low" first). */
    List<String> priorities() {
        return db.select(TICKET_PRIORITY.NAME).from(TICKET_PRIORITY)
                .where(TICKET_PRIORITY.VALID_ID.eq(VALID)).orderBy(TICKET_PRIORITY.ID).fetch(TICKET_PRIORITY.NAME);
    }

    Optional<Priority> priority(String name) {
        return db.select(TICKET_PRIORITY.ID, TICKET_PRIORITY.NAME)
                .from(TICKET_PRIORITY)
                .where(TICKET_PRIORITY.NAME.eq(name))
                .and(TICKET_PRIORITY.VALID_ID.eq(VALID))
                .fetchOptional(r -> new Priority(r.value1(), r.value2()));
    }

    record TicketType(short id, String name) {
    }

    /** A valid ticket type by name. */
    Optional<TicketType> type(String name) {
        return db.select(TICKET_TYPE.ID, TICKET_TYPE.NAME).from(TICKET_TYPE)
                .where(TICKET_TYPE.NAME.eq(name)).and(TICKET_TYPE.VALID_ID.eq(VALID))
                .fetchOptional(r -> new TicketType(r.value1(), r.value2()));
    }

    /** Valid ticket type names by name. */
    List<String> types() {
        return db.select(TICKET_TYPE.NAME).from(TICKET_TYPE).where(TICKET_TYPE.VALID_ID.eq(VALID))
                .orderBy(TICKET_TYPE.NAME).fetch(TICKET_TYPE.NAME);
    }

    /** The first valid state of a state type ("merged" for merging), by id. */
    Optional<State> firstStateOfType(String stateType) {
        return db.select(TICKET_STATE.ID, TICKET_STATE.NAME, TICKET_STATE_TYPE.NAME)
                .from(TICKET_STATE)
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .where(TICKET_STATE_TYPE.NAME.eq(stateType))
                .and(TICKET_STATE.VALID_ID.eq(VALID))
                .orderBy(TICKET_STATE.ID).limit(1)
                .fetchOptional(r -> new State(r.value1(), r.value2(), r.value3()));
    }

    /** OTRS's default ticket type (Ticket::Type::Default) is "Unclassified". */
    short defaultTypeId() {
        return db.select(TICKET_TYPE.ID).from(TICKET_TYPE)
                .where(TICKET_TYPE.NAME.eq("Unclassified"))
                .fetchOptional(TICKET_TYPE.ID)
                .orElseGet(() -> db.select(TICKET_TYPE.ID).from(TICKET_TYPE)
                        .where(TICKET_TYPE.VALID_ID.eq(VALID)).orderBy(TICKET_TYPE.ID).limit(1).fetchSingle().value1());
    }

    /**
     * Lock and history types are OTRS system values that no screen edits, so their ids are
     * remembered for the life of the process instead of read for every history row.
     */
    short lockId(String name) {
        return systemIds.computeIfAbsent("lock:" + name, key -> db.select(TICKET_LOCK_TYPE.ID).from(TICKET_LOCK_TYPE)
                .where(TICKET_LOCK_TYPE.NAME.eq(name)).fetchSingle().value1());
    }

    short historyTypeId(HistoryType type) {
        return systemIds.computeIfAbsent("history:" + type.otrsName(), key -> db.select(TICKET_HISTORY_TYPE.ID)
                .from(TICKET_HISTORY_TYPE).where(TICKET_HISTORY_TYPE.NAME.eq(type.otrsName())).fetchSingle().value1());
    }
}
