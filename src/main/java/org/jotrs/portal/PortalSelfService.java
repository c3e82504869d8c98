package org.jotrs.portal;

import java.util.Optional;

/**
 * What customers do before they are signed in: set a new password for a forgotten one, and sign up
 * (where an administrator turned self-registration on), each through a link mailed to them. The
 * links carry a random single-use token that expires; only its SHA-256 is stored
 * ({@code jotrs_portal_token}). No answer says whether an account exists: a reset for an unknown
 * login or address and a sign-up with an address already in use get the same answer as any other
 * (the owner of the address is told by mail instead).
 */
public interface PortalSelfService {

    /**
     * Mails a link for setting a new password to the customer with this login or mail address,
     * if there is a valid one; otherwise nothing happens, and the caller cannot tell which.
     *
     * @param address the client's address, for the rate limit and the log
     * @throws TooManyRequests when this login or address, or this client, asked too often
     */
    void requestPasswordReset(String loginOrEmail, String address);

    /** Whether the token of a reset link can still set a password (known, unused, unexpired). */
    boolean passwordResetOpen(String token);

    /**
     * Sets the new password of the link's customer (stored as OTRS reads it, {@code customer_user.pw}),
     * uses the token up and ends all the customer's sessions.
     *
     * @throws LinkNotValid for an unknown, used or expired token; nothing is changed
     * @throws org.jotrs.platform.InvalidInput for a password the portal's rules refuse; the token stays valid
     */
    void resetPassword(String token, String newPassword, String repeatedPassword);

    /** Whether customers may sign up themselves (runtime setting {@code portal.sign-up.enabled}). */
    boolean signUpEnabled();

    /**
     * Mails a link for confirming the address; the account is made only when the link is used. For
     * an address already in use the owner gets a mail saying so instead, and the answer is the same.
     *
     * @throws org.jotrs.platform.NoSuchEntry when self-registration is off
     * @throws org.jotrs.platform.InvalidInput for a missing name or a malformed address; nothing is sent
     * @throws TooManyRequests when this address, or this client, asked too often
     */
    void signUp(SignUp form, String address);

    /** The address a sign-up link confirms, while its token is open. */
    Optional<String> signUpOpen(String token);

    /**
     * Confirms the address: creates the customer user with the chosen password and uses the token up.
     *
     * @throws LinkNotValid for an unknown, used or expired token, or an address taken meanwhile
     * @throws org.jotrs.platform.InvalidInput for a password the portal's rules refuse; the token stays valid
     */
    void confirmSignUp(String token, String newPassword, String repeatedPassword);

    /** What a customer signing up enters. */
    record SignUp(String firstName, String lastName, String email) {
    }

    /** A mailed link that is unknown, used already or expired. */
    final class LinkNotValid extends RuntimeException {
        public LinkNotValid() {
            super("the link is unknown, used or expired");
        }
    }

    /** Too many mails asked for; says how long to wait. */
    final class TooManyRequests extends RuntimeException {

        private final long retryAfterMinutes;

        public TooManyRequests(long retryAfterMinutes) {
            super("too many requests");
            this.retryAfterMinutes = retryAfterMinutes;
        }

        public long retryAfterMinutes() {
            return retryAfterMinutes;
        }
    }
}
