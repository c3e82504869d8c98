package org.jotrs.access;

import java.time.Instant;
import java.util.List;

/**
 * The signed-in sessions kept by Spring Session in {@code jotrs_session}. Session ids are
 * credentials, so they never leave this facade: sessions are named by a short fingerprint
 * (the first 12 hex digits of the SHA-256 of the id). Admin only.
 */
public interface SessionAdministration {

    /** A session that has not expired yet. {@code principal} is the agent's login, empty before sign-in. */
    record ActiveSession(String fingerprint, String principal, String agentName, Instant created, Instant lastAccess,
            Instant expires) {
    }

    /** Sessions not yet expired, most recently used first. */
    List<ActiveSession> activeSessions(int actorId);

    /**
     * Ends the session with this fingerprint: its agent is signed out on their next request. Audited.
     *
     * @return whether a session was ended (false when it had already ended)
     */
    boolean end(int actorId, String fingerprint);
}
