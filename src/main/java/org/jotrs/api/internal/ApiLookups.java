package org.jotrs.api.internal;

import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE_TYPE;
import static org.jotrs.platform.db.schema.Tables.TICKET_TYPE;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The valid states, priorities and types (the names tickets are changed with), read from OTRS's tables. */
@Component
public class ApiLookups {

    public record State(int id, String name, String type) {
    }

    public record Named(int id, String name) {
    }

    public record Agent(int id, String login, String firstName, String lastName, String email) {
    }

    private final DSLContext db;

    ApiLookups(DSLContext db) {
        this.db = db;
    }

    @Transactional(readOnly = true)
    public List<State> states() {
        return db.select(TICKET_STATE.ID, TICKET_STATE.NAME, TICKET_STATE_TYPE.NAME).from(TICKET_STATE)
                .join(TICKET_STATE_TYPE).on(TICKET_STATE_TYPE.ID.eq(TICKET_STATE.TYPE_ID))
                .where(TICKET_STATE.VALID_ID.eq((short) 1)).orderBy(TICKET_STATE.NAME)
                .fetch(row -> new State(row.value1().intValue(), row.value2(), row.value3()));
    }

    @Transactional(readOnly = true)
    public List<Named> priorities() {
        return db.select(TICKET_PRIORITY.ID, TICKET_PRIORITY.NAME).from(TICKET_PRIORITY)
                .where(TICKET_PRIORITY.VALID_ID.eq((short) 1)).orderBy(TICKET_PRIORITY.ID)
                .fetch(row -> new Named(row.value1().intValue(), row.value2()));
    }

    @Transactional(readOnly = true)
    public List<Named> types() {
        return db.select(TICKET_TYPE.ID, TICKET_TYPE.NAME).from(TICKET_TYPE)
                .where(TICKET_TYPE.VALID_ID.eq((short) 1)).orderBy(TICKET_TYPE.NAME)
                .fetch(row -> new Named(row.value1().intValue(), row.value2()));
    }

    @Transactional(readOnly = true)
    public Agent agent(int agentId) {
        return db.select(USERS.ID, USERS.LOGIN, USERS.FIRST_NAME, USERS.LAST_NAME).from(USERS).where(USERS.ID.eq(agentId))
                .fetchSingle(row -> new Agent(row.value1(), row.value2(), row.value3(), row.value4(), null));
    }
}
