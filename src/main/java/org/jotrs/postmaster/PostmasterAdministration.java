package org.jotrs.postmaster;

import java.util.List;

/**
 * The administration of incoming mail: mail accounts (OTRS {@code mail_account} with Jotrs's
 * settings) and postmaster filters (OTRS {@code postmaster_filter}). Every method first checks
 * that the actor is an administrator; changes are written with an audit entry.
 *
 * <p>Refusals: {@link org.jotrs.access.PermissionDenied} for non-administrators,
 * {@link org.jotrs.platform.NoSuchEntry} for an unknown account or filter,
 * {@link org.jotrs.platform.InvalidInput} (messages per form field) for bad input, nothing written.
 */
public interface PostmasterAdministration {

    List<MailAccountSummary> accounts(int actorId);

    /** The account's settings, with the password and OAuth2 secrets left blank. */
    MailAccountSettings account(int actorId, int accountId);

    /** Whether the account has a stored password / OAuth2 client secret / refresh token (the form says so). */
    StoredSecrets storedSecrets(int actorId, int accountId);

    record StoredSecrets(boolean password, boolean clientSecret, boolean refreshToken) {
    }

    int createAccount(int actorId, MailAccountSettings settings);

    void updateAccount(int actorId, int accountId, MailAccountSettings settings);

    /** Connects and signs in with the stored settings and counts the waiting messages; changes nothing. */
    ConnectionCheck testAccount(int actorId, int accountId);

    List<PostmasterFilter> filters(int actorId);

    PostmasterFilter filter(int actorId, String name);

    /**
     * Creates a filter ({@code previousName} null) or replaces one, possibly under a new name.
     *
     * @throws org.jotrs.platform.InvalidInput also when the name is taken (a conflict)
     */
    void saveFilter(int actorId, String previousName, PostmasterFilter filter);

    void deleteFilter(int actorId, String name);
}
