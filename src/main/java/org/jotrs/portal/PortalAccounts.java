package org.jotrs.portal;

import java.util.Optional;

/**
 * Customers' own accounts in the portal: signing in and out, sessions, preferences and password.
 * Every method acts on the customer it is given, who is the signed-in one (the portal's filter
 * chain establishes that); nothing here reaches another customer's account.
 */
public interface PortalAccounts {

    /** The name of the portal's session cookie (path {@code /customer}); agents' is {@code JOTRS_AGENT}. */
    String SESSION_COOKIE = "JOTRS_CUSTOMER";

    /**
     * Signs a customer in against {@code customer_user} (every OTRS hash format; weak ones are
     * rehashed to bcrypt where the runtime setting allows, as for agents), throttled like agents'
     * sign-ins; returns the new session's token for the cookie.
     *
     * @param address the client's address, for throttling and the log
     * @throws SignInRefused for a wrong login or password, an invalid account, or while throttled
     */
    String signIn(String login, String password, String address);

    /**
     * The customer of a session token, while the session is alive (not idle longer than
     * {@code jotrs.portal.session-timeout}) and the account valid; refreshes its last access.
     */
    Optional<SignedInCustomer> session(String token);

    /** Ends the session of this token (nothing happens for an unknown one). */
    void signOut(String token);

    /** The customer's language (an OTRS code, or null for the browser's) and time zone (or null). */
    CustomerSettings settings(String login);

    /**
     * Saves language and time zone ({@code customer_preferences} {@code UserLanguage},
     * {@code UserTimeZone}).
     *
     * @throws org.jotrs.platform.InvalidInput for a language or zone not offered; nothing is saved
     */
    void saveSettings(String login, CustomerSettings settings);

    /**
     * Changes the password after checking the current one; ends the customer's other sessions.
     *
     * @param keepToken the session that asked, which stays signed in
     * @throws org.jotrs.platform.InvalidInput for a wrong current password, a short new one or two that
     *     differ; nothing is changed
     */
    void changePassword(String login, String currentPassword, String newPassword, String repeatedPassword, String keepToken);

    /**
     * A customer's choices.
     *
     * @param language an OTRS language code, or blank for the browser's language
     * @param timeZone a zone id, or blank for the server's zone
     */
    record CustomerSettings(String language, String timeZone) {
    }
}
