package org.jotrs.access.internal;

import static org.jotrs.platform.db.schema.Tables.JOTRS_SESSION;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends agents' sessions when an administrator takes their access away: invalidating the agent,
 * resetting its password, or a change after which it holds no permission at all. The rows go in
 * the admin change's own transaction (their attributes by the foreign key's cascade), so the
 * agent's very next request finds no session. {@link ValidAgentFilter} is the second line: it
 * refuses a session of an agent that is no longer valid on every request, whatever changed it.
 */
@Component
class AgentSessions {

    private static final Logger log = LoggerFactory.getLogger(AgentSessions.class);

    private final DSLContext db;
    private final EffectiveGrants grants;

    AgentSessions(DSLContext db, EffectiveGrants grants) {
        this.db = db;
        this.grants = grants;
    }

    /** Ends every session of the agent; returns how many there were. */
    int endAllOf(int agentId) {
        String login = db.select(USERS.LOGIN).from(USERS).where(USERS.ID.eq(agentId)).fetchOne(USERS.LOGIN);
        if (login == null) {
            return 0;
        }
        int ended = db.deleteFrom(JOTRS_SESSION).where(DSL.lower(JOTRS_SESSION.PRINCIPAL_NAME).eq(login.toLowerCase(java.util.Locale.ROOT)))
                .execute();
        if (ended > 0) {
            log.info("Ended agent sessions agent={} sessions={}", agentId, ended);
        }
        return ended;
    }

    /** Ends the sessions of signed-in agents who, after a permission change, hold no permission at all. */
    void endWhereAccessIsGone() {
        List<Integer> signedIn = db.selectDistinct(USERS.ID).from(USERS)
                .join(JOTRS_SESSION).on(DSL.lower(JOTRS_SESSION.PRINCIPAL_NAME).eq(DSL.lower(USERS.LOGIN)))
                .fetch(USERS.ID);
        for (int agentId : signedIn) {
            if (!grants.hasAny(agentId)) {
                endAllOf(agentId);
            }
        }
    }
}
