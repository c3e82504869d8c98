package org.jotrs.api;

import java.time.LocalDateTime;

/**
 * A personal API token as lists show it; the secret itself is never stored, only its SHA-256.
 *
 * @param prefix the first characters of the token, to recognise it
 * @param expiresAt null for a token that does not expire
 * @param lastUsed null when it was never used; updated at most once a minute
 * @param revokedAt null while it is not revoked
 */
public record ApiToken(long id, int agentId, String agentLogin, String name, String prefix, ApiScope scope,
        LocalDateTime created, LocalDateTime expiresAt, LocalDateTime lastUsed, LocalDateTime revokedAt) {

    /** Whether the token is accepted now. */
    public boolean active(LocalDateTime now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
