package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.USERS;
import static org.jotrs.platform.db.schema.Tables.USER_PREFERENCES;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jotrs.access.AgentAdministration.Agent;
import org.jotrs.platform.Validity;
import org.springframework.stereotype.Repository;

/** Agents in OTRS's {@code users} table with their {@code UserEmail} preference, for the admin screens. */
@Repository
class AgentRecords {

    static final String EMAIL_PREFERENCE = "UserEmail";

    private final DSLContext db;
    private final Clock clock;
    private final UserPreferenceStore preferences;

    AgentRecords(DSLContext db, Clock clock, UserPreferenceStore preferences) {
        this.db = db;
        this.clock = clock;
        this.preferences = preferences;
    }

    /** The mail address preference as text; MySQL keeps preferences as LONGBLOB, whose LOWER() is a no-op. */
    private static Field<String> emailText() {
        return DSL.cast(USER_PREFERENCES.PREFERENCES_VALUE, SQLDataType.VARCHAR(4000));
    }

    private Field<String> emailOf() {
        return DSL.field(DSL.select(DSL.max(emailText())).from(USER_PREFERENCES)
                .where(USER_PREFERENCES.USER_ID.eq(USERS.ID))
                .and(USER_PREFERENCES.PREFERENCES_KEY.eq(EMAIL_PREFERENCE)));
    }

    private Condition matching(String search, Validity validity) {
        Condition condition = DSL.noCondition();
        if (validity != null) {
            condition = condition.and(USERS.VALID_ID.eq((short) validity.id()));
        }
        if (search != null && !search.isBlank()) {
            String text = search.strip();
            condition = condition.and(USERS.LOGIN.containsIgnoreCase(text)
                    .or(USERS.FIRST_NAME.containsIgnoreCase(text))
                    .or(USERS.LAST_NAME.containsIgnoreCase(text))
                    .or(DSL.concat(USERS.FIRST_NAME, DSL.inline(" "), USERS.LAST_NAME).containsIgnoreCase(text))
                    .or(USERS.ID.in(DSL.select(USER_PREFERENCES.USER_ID).from(USER_PREFERENCES)
                            .where(USER_PREFERENCES.PREFERENCES_KEY.eq(EMAIL_PREFERENCE))
                            .and(emailText().containsIgnoreCase(text)))));
        }
        return condition;
    }

    int count(String search, Validity validity) {
        return db.fetchCount(USERS, matching(search, validity));
    }

    List<Agent> page(String search, Validity validity, int offset, int limit) {
        Field<String> email = emailOf();
        return db.select(USERS.ID, USERS.LOGIN, USERS.FIRST_NAME, USERS.LAST_NAME, email, USERS.VALID_ID)
                .from(USERS)
                .where(matching(search, validity))
                .orderBy(DSL.lower(USERS.LOGIN), USERS.ID)
                .offset(offset).limit(limit)
                .fetch(r -> toAgent(r, email));
    }

    List<Agent> all() {
        Field<String> email = emailOf();
        return db.select(USERS.ID, USERS.LOGIN, USERS.FIRST_NAME, USERS.LAST_NAME, email, USERS.VALID_ID)
                .from(USERS)
                .orderBy(DSL.lower(USERS.LOGIN), USERS.ID)
                .fetch(r -> toAgent(r, email));
    }

    Optional<Agent> find(int agentId) {
        Field<String> email = emailOf();
        return db.select(USERS.ID, USERS.LOGIN, USERS.FIRST_NAME, USERS.LAST_NAME, email, USERS.VALID_ID)
                .from(USERS)
                .where(USERS.ID.eq(agentId))
                .fetchOptional(r -> toAgent(r, email));
    }

    /** Whether another agent has this login, compared case-insensitively as OTRS's UserLookup does. */
    boolean loginTaken(String login, Integer exceptAgentId) {
        Condition condition = DSL.lower(USERS.LOGIN).eq(login.toLowerCase(Locale.ROOT));
        if (exceptAgentId != null) {
            condition = condition.and(USERS.ID.ne(exceptAgentId));
        }
        return db.fetchExists(USERS, condition);
    }

    int insert(String login, String firstName, String lastName, Validity validity, String passwordHash, int actorId) {
        LocalDateTime now = LocalDateTime.now(clock);
        return db.insertInto(USERS)
                .set(USERS.LOGIN, login)
                .set(USERS.PW, passwordHash)
                .set(USERS.FIRST_NAME, firstName)
                .set(USERS.LAST_NAME, lastName)
                .set(USERS.VALID_ID, (short) validity.id())
                .set(USERS.CREATE_TIME, now)
                .set(USERS.CREATE_BY, actorId)
                .set(USERS.CHANGE_TIME, now)
                .set(USERS.CHANGE_BY, actorId)
                .returningResult(USERS.ID)
                .fetchSingle(USERS.ID);
    }

    void update(int agentId, String login, String firstName, String lastName, Validity validity, int actorId) {
        db.update(USERS)
                .set(USERS.LOGIN, login)
                .set(USERS.FIRST_NAME, firstName)
                .set(USERS.LAST_NAME, lastName)
                .set(USERS.VALID_ID, (short) validity.id())
                .set(USERS.CHANGE_TIME, LocalDateTime.now(clock))
                .set(USERS.CHANGE_BY, actorId)
                .where(USERS.ID.eq(agentId))
                .execute();
    }

    void setPasswordHash(int agentId, String hash, int actorId) {
        db.update(USERS)
                .set(USERS.PW, hash)
                .set(USERS.CHANGE_TIME, LocalDateTime.now(clock))
                .set(USERS.CHANGE_BY, actorId)
                .where(USERS.ID.eq(agentId))
                .execute();
    }

    Optional<String> passwordHash(int agentId) {
        return db.select(USERS.PW).from(USERS).where(USERS.ID.eq(agentId)).fetchOptional(USERS.PW);
    }

    void setEmail(int agentId, String email) {
        preferences.set(agentId, Map.of(EMAIL_PREFERENCE, email));
    }

    private static Agent toAgent(Record r, Field<String> email) {
        return new Agent(r.get(USERS.ID), r.get(USERS.LOGIN), r.get(USERS.FIRST_NAME), r.get(USERS.LAST_NAME),
                Optional.ofNullable(r.get(email)).orElse(""),
                Validity.fromId(r.get(USERS.VALID_ID).intValue()).orElse(Validity.INVALID));
    }
}
