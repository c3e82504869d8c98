package org.jotrs.api.internal;

import org.jotrs.api.ApiScope;

/**
 * Who sends an {@code /api/v1} request: the agent of the bearer token, checked by {@link
 * ApiAuthentication} before any controller runs. Controllers take it as the request attribute
 * {@link #ATTRIBUTE} and pass {@link #agentId} to the facades, which check the permissions.
 */
public record ApiCaller(int agentId, String login, long tokenId, ApiScope scope) {

    public static final String ATTRIBUTE = "org.jotrs.api.caller";
}
