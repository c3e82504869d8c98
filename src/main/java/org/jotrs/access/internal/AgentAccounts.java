package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.USERS;
import static org.jotrs.platform.db.schema.Tables.USER_PREFERENCES;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Agent accounts in OTRS's {@code users} and {@code user_preferences} tables. */
@Repository
class AgentAccounts {

    /** OTRS keeps the agent's last sign-in (epoch seconds) as this preference. */
    static final String LAST_LOGIN_PREFERENCE = "UserLastLogin";

    private static final int VALID = 1;

    private final DSLContext db;
    private final Clock clock;

    AgentAccounts(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The stored account; logins compare case-insensitively, as OTRS does on every database. */
    Optional<StoredAgent> findByLogin(String login) {
        return db.select(USERS.ID, USERS.LOGIN, USERS.PW, USERS.FIRST_NAME, USERS.LAST_NAME, USERS.VALID_ID)
                .from(USERS)
                .where(DSL.lower(USERS.LOGIN).eq(login.toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional(r -> new StoredAgent(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6() != null && r.value6() == VALID));
    }

    void updatePassword(int agentId, String hash, int changedBy) {
        db.update(USERS)
                .set(USERS.PW, hash)
                .set(USERS.CHANGE_TIME, LocalDateTime.now(clock))
                .set(USERS.CHANGE_BY, changedBy)
                .where(USERS.ID.eq(agentId))
                .execute();
    }

    /** Records a successful sign-in the way OTRS does, so OTRS's own screens show it too. */
    @Transactional
    void recordSignIn(int agentId) {
        db.deleteFrom(USER_PREFERENCES)
                .where(USER_PREFERENCES.USER_ID.eq(agentId))
                .and(USER_PREFERENCES.PREFERENCES_KEY.eq(LAST_LOGIN_PREFERENCE))
                .execute();
        db.insertInto(USER_PREFERENCES)
                .set(USER_PREFERENCES.USER_ID, agentId)
                .set(USER_PREFERENCES.PREFERENCES_KEY, LAST_LOGIN_PREFERENCE)
                .set(USER_PREFERENCES.PREFERENCES_VALUE, String.valueOf(clock.instant().getEpochSecond()))
                .execute();
    }

    record StoredAgent(int id, String login, String passwordHash, String firstName, String lastName, boolean valid) {
    }
}
