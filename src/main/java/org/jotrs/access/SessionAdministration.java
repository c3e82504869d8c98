package org.jotrs.access;

import java.time.Instant;
import java.util.List;

/**
 * The signed-in sessions kept by Spring Session in {@code jotrs_session}. Session ids are
 * credentials, so they never leave this facade: sessions are named by a short fingerprint
 * (the first 12 hex digits of the SHA-256 of the id). Admin only.
 */
public interface SessionAdministration {

    /** A signed-in agent's session that has not expired yet; {@code principal} is the agent's login. */
    record ActiveSession(String fingerprint, String principal, String agentName, Instant created, Instant lastAccess,
            Instant expires) {
    }

    /**
     * Signed-in agents' sessions not yet expired, most recently used first; a visitor's session
     * before sign-in is not listed.
     */
    List<ActiveSession> activeSessions(int actorId);

    /**
     * Ends the session with this fingerprint: its agent is signed out on their next request. Audited.
     *
     * @return whether a session was ended (false when it had already ended)
     */
    boolean end(int actorId, String fingerprint);
}
