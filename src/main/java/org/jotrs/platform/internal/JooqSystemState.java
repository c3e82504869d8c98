package org.jotrs.platform.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_SYSTEM_STATE;

import java.time.Clock;
import java.time.LocalDateTime;

import org.jooq.DSLContext;
import org.jotrs.platform.SystemState;
import org.springframework.stereotype.Component;

@Component
class JooqSystemState implements SystemState {

    private final DSLContext db;
    private final Clock clock;

    JooqSystemState(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public boolean transition(String name, String expected, String next) {
        return db.update(JOTRS_SYSTEM_STATE)
                .set(JOTRS_SYSTEM_STATE.STATE_VALUE, next)
                .set(JOTRS_SYSTEM_STATE.CHANGE_TIME, LocalDateTime.now(clock))
                .where(JOTRS_SYSTEM_STATE.NAME.eq(name))
                .and(JOTRS_SYSTEM_STATE.STATE_VALUE.eq(expected))
                .execute() == 1;
    }
}
