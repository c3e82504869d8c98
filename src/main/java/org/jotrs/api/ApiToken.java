package org.jotrs.api;

import java.time.LocalDateTime;

/**
 * A personal API token as lists show it; the secret itself is never stored, only its SHA-256. It
 * belongs to an agent ({@code agentId}, {@code agentLogin}) or to a customer user
 * ({@code customerLogin}; then {@code agentId} is 0 and {@code agentLogin} null).
 *
 * @param prefix the first characters of the token, to recognise it
 * @param expiresAt null for a token that does not expire
 * @param lastUsed null when it was never used; updated at most once a minute
 * @param revokedAt null while it is not revoked
 * @param customerLogin the customer user's login for a customer user's token, else null
 */
public record ApiToken(long id, int agentId, String agentLogin, String name, String prefix, ApiScope scope,
        LocalDateTime created, LocalDateTime expiresAt, LocalDateTime lastUsed, LocalDateTime revokedAt,
        String customerLogin) {

    /** Whether the token is accepted now. */
    public boolean active(LocalDateTime now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** Whether a customer user owns it. */
    public boolean customer() {
        return customerLogin != null;
    }

    /** The owner's login, agent or customer user. */
    public String ownerLogin() {
        return customer() ? customerLogin : agentLogin;
    }
}
