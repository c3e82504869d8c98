package org.jotrs.api;

import java.time.LocalDate;
import java.util.List;

import org.jotrs.platform.Page;

/**
 * Personal API tokens: an agent creates and revokes their own in the preferences, a customer user
 * theirs in the portal's preferences; administrators list and revoke anyone's. A token acts as its
 * agent with the agent's permissions at the time of each request, or as its customer user with
 * what the portal lets them do (read-only tokens only read). Creations and revocations are
 * recorded in the audit log (a customer user's as by the system user, as OTRS records them).
 */
public interface ApiTokens {

    /** The longest token name. */
    int MAX_NAME = 100;

    /**
     * Creates a token for the acting agent.
     *
     * @param expiresOn the last day it is accepted (it expires at the end of that day), or null for never
     * @throws org.jotrs.platform.InvalidInput for a missing or too long name, an unknown scope or a past date
     */
    IssuedApiToken create(int actorId, String name, String scope, LocalDate expiresOn);

    /** The acting agent's tokens, the newest first, revoked ones included. */
    List<ApiToken> mine(int actorId);

    /**
     * Revokes a token: the agent's own, or anyone's for an administrator. Revoking a revoked token
     * changes nothing.
     *
     * @throws org.jotrs.platform.NoSuchEntry when there is no such token, or it is someone else's and the
     *     actor is no administrator
     */
    void revoke(int actorId, long tokenId);

    /**
     * Revokes any agent's token, for administrators (the admin screen).
     *
     * @throws org.jotrs.access.PermissionDenied for other agents
     * @throws org.jotrs.platform.NoSuchEntry when there is no such token
     */
    void revokeAny(int actorId, long tokenId);

    /**
     * Every agent's tokens, the newest first, for administrators.
     *
     * @throws org.jotrs.access.PermissionDenied for other agents
     */
    Page<ApiToken> all(int actorId, int page);

    /**
     * Creates a token for a customer user, whom the caller (the portal's sign-in) has checked.
     *
     * @throws org.jotrs.platform.InvalidInput as for {@link #create}
     */
    IssuedApiToken createForCustomer(String customerLogin, String name, String scope, LocalDate expiresOn);

    /** The customer user's tokens, the newest first, revoked ones included. */
    List<ApiToken> customerTokens(String customerLogin);

    /**
     * Revokes one of the customer user's own tokens; revoking a revoked token changes nothing.
     *
     * @throws org.jotrs.platform.NoSuchEntry when there is no such token, or it is not theirs
     */
    void revokeCustomerToken(String customerLogin, long tokenId);
}
