package org.jotrs.genericinterface.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET_LOCK_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_TYPE;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * OTRS's Validate* helpers of the ticket operations: a queue, state, priority, type, lock or agent
 * given by id or by name must exist and be valid (states, priorities and queues by their exact
 * name, as OTRS looks them up).
 */
@Component
class GiLookups {

    private final DSLContext db;

    GiLookups(DSLContext db) {
        this.db = db;
    }

    record Named(int id, String name) {
    }

    Optional<Named> queue(String id, String name) {
        return id != null ? byId(QUEUE.ID.eq(intOr(id)), QUEUE.ID, QUEUE.NAME, QUEUE.VALID_ID, QUEUE)
                : byName(QUEUE.NAME, name, QUEUE.ID, QUEUE.VALID_ID, QUEUE);
    }

    Optional<Named> state(String id, String name) {
        return id != null ? byId(TICKET_STATE.ID.cast(Integer.class).eq(intOr(id)), TICKET_STATE.ID.cast(Integer.class),
                TICKET_STATE.NAME, TICKET_STATE.VALID_ID, TICKET_STATE)
                : byName(TICKET_STATE.NAME, name, TICKET_STATE.ID.cast(Integer.class), TICKET_STATE.VALID_ID, TICKET_STATE);
    }

    Optional<Named> priority(String id, String name) {
        return id != null ? byId(TICKET_PRIORITY.ID.cast(Integer.class).eq(intOr(id)), TICKET_PRIORITY.ID.cast(Integer.class),
                TICKET_PRIORITY.NAME, TICKET_PRIORITY.VALID_ID, TICKET_PRIORITY)
                : byName(TICKET_PRIORITY.NAME, name, TICKET_PRIORITY.ID.cast(Integer.class), TICKET_PRIORITY.VALID_ID,
                        TICKET_PRIORITY);
    }

    Optional<Named> type(String id, String name) {
        return id != null ? byId(TICKET_TYPE.ID.cast(Integer.class).eq(intOr(id)), TICKET_TYPE.ID.cast(Integer.class),
                TICKET_TYPE.NAME, TICKET_TYPE.VALID_ID, TICKET_TYPE)
                : byName(TICKET_TYPE.NAME, name, TICKET_TYPE.ID.cast(Integer.class), TICKET_TYPE.VALID_ID, TICKET_TYPE);
    }

    Optional<Named> lock(String id, String name) {
        return id != null ? byId(TICKET_LOCK_TYPE.ID.cast(Integer.class).eq(intOr(id)), TICKET_LOCK_TYPE.ID.cast(Integer.class),
                TICKET_LOCK_TYPE.NAME, TICKET_LOCK_TYPE.VALID_ID, TICKET_LOCK_TYPE)
                : byName(TICKET_LOCK_TYPE.NAME, name, TICKET_LOCK_TYPE.ID.cast(Integer.class), TICKET_LOCK_TYPE.VALID_ID,
                        TICKET_LOCK_TYPE);
    }

    /** A valid agent by id or login (logins compare case-insensitively, as OTRS's UserLookup). */
    Optional<Named> agent(String id, String login) {
        if (id != null) {
            return byId(USERS.ID.eq(intOr(id)), USERS.ID, USERS.LOGIN, USERS.VALID_ID, USERS);
        }
        return db.select(USERS.ID, USERS.LOGIN).from(USERS)
                .where(DSL.lower(USERS.LOGIN).eq(login.toLowerCase(java.util.Locale.ROOT))).and(USERS.VALID_ID.eq((short) 1))
                .fetchOptional(r -> new Named(r.value1(), r.value2()));
    }

    /** The state type's name ({@code new}, {@code open}, {@code closed}, {@code pending reminder}, ...) of a state. */
    String stateType(int stateId) {
        return db.select(TICKET_STATE_TYPE.NAME).from(TICKET_STATE).join(TICKET_STATE_TYPE)
                .on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID)).where(TICKET_STATE.ID.cast(Integer.class).eq(stateId))
                .fetchSingle(TICKET_STATE_TYPE.NAME);
    }

    private static int intOr(String id) {
        Integer value = GiParams.id(id);
        return value == null ? -1 : value;
    }

    private Optional<Named> byId(org.jooq.Condition condition, org.jooq.Field<Integer> idField,
            org.jooq.Field<String> nameField, org.jooq.Field<Short> validField, org.jooq.Table<?> table) {
        return db.select(idField, nameField).from(table).where(condition).and(validField.eq((short) 1))
                .fetchOptional(r -> new Named(r.value1(), r.value2()));
    }

    private Optional<Named> byName(org.jooq.Field<String> nameField, String name, org.jooq.Field<Integer> idField,
            org.jooq.Field<Short> validField, org.jooq.Table<?> table) {
        return db.select(idField, nameField).from(table).where(nameField.eq(name)).and(validField.eq((short) 1))
                .fetchOptional(r -> new Named(r.value1(), r.value2()));
    }
}
