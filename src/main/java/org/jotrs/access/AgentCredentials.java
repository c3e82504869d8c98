package org.jotrs.access;

import java.util.Optional;

/**
 * Checks an agent's login and password for clients that send them with each request or open a
 * session of their own (OTRS's GenericInterface), with the same rules as the sign-in page: every
 * OTRS hash format, invalid agents refused, repeated failures throttled, weak hashes upgraded.
 */
public interface AgentCredentials {

    /**
     * The agent, when the login and password are right and the agent is valid; empty otherwise
     * (unknown login, wrong password and invalid agent alike, so logins cannot be probed).
     *
     * @param clientAddress the caller's address, for throttling
     * @throws SignInThrottled when too many attempts failed for the login or the address
     */
    Optional<SignedInAgent> verify(String login, String password, String clientAddress);

    /** Whether the agent exists and is valid now (a session of theirs ends when they are not). */
    boolean isValidAgent(int agentId);

    /** Too many failed attempts; the caller should wait before trying again. */
    final class SignInThrottled extends RuntimeException {

        public SignInThrottled(String message) {
            super(message);
        }
    }
}
