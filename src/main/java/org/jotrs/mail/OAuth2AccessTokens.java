package org.jotrs.mail;

/**
 * Access tokens for XOAUTH2 from an OAuth2 token endpoint (refresh-token grant, or client
 * credentials without a refresh token), cached until shortly before they expire. Used for SMTP
 * here and for IMAP/POP3 by the postmaster.
 */
public interface OAuth2AccessTokens {

    /**
     * @param tokenUrl e.g. {@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token}
     */
    record Grant(String tokenUrl, String clientId, String clientSecret, String refreshToken, String scope) {

        @Override
        public String toString() {
            return "Grant[" + tokenUrl + ", client " + clientId + "]";
        }
    }

    /** A refused or failed token request; the message names the provider's error, never a secret. */
    class Refused extends Exception {

        public Refused(String message) {
            super(message);
        }
    }

    String accessToken(Grant grant) throws Refused;

    /** Forgets a cached token (after the server refused it). */
    void forget(Grant grant);
}
