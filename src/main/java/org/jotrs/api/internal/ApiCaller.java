package org.jotrs.api.internal;

import org.jotrs.api.ApiScope;

/**
 * Who sends an {@code /api/v1} request: the agent or the customer user of the bearer token,
 * checked by {@link ApiAuthentication} before any controller runs. Controllers take it as the
 * request attribute {@link #ATTRIBUTE} and pass {@link #agentId} to the facades, which check the
 * permissions; a customer user's request goes to the portal's facade with {@link #customerLogin}.
 *
 * @param agentId the agent's {@code users.id}, or 0 for a customer user
 * @param login the agent's or the customer user's login
 * @param customerLogin the customer user's {@code customer_user.login}, or null for an agent
 */
public record ApiCaller(int agentId, String login, long tokenId, ApiScope scope, String customerLogin) {

    public static final String ATTRIBUTE = "org.jotrs.api.caller";

    /** Whether a customer user sends it (their token). */
    public boolean customer() {
        return customerLogin != null;
    }
}
