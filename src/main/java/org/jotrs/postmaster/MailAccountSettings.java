package org.jotrs.postmaster;

/**
 * A mail account as an administrator edits it: OTRS's {@code mail_account} columns and what Jotrs
 * keeps beside them. On an update a blank password or OAuth2 secret keeps the stored one, so the
 * form never has to show a secret.
 *
 * @param type POP3, POP3S, POP3TLS, IMAP, IMAPS or IMAPTLS (OTRS's account types)
 * @param queueId the queue of new tickets (OTRS "dispatching by queue"), or 0 to dispatch by recipient address
 * @param trusted whether {@code X-OTRS-*} headers of its mail are honoured
 * @param port the port, or null for the protocol's default
 * @param keepOnServer IMAP only: mark fetched mail seen instead of deleting it
 * @param sslTrust hosts whose certificate is trusted without a check ({@code *} for any), or null
 * @param oauth2TokenUrl the token endpoint for XOAUTH2, or null to sign in with the password
 */
public record MailAccountSettings(String login, String password, String host, String type, int queueId,
        boolean trusted, String folder, Integer port, boolean keepOnServer, String sslTrust, String oauth2TokenUrl,
        String oauth2ClientId, String oauth2ClientSecret, String oauth2RefreshToken, String oauth2Scope, String comment,
        int validId) {

    /** OTRS's account types, in the order a form offers them. */
    public static final java.util.List<String> TYPES = java.util.List.of("IMAPS", "IMAPTLS", "IMAP", "POP3S", "POP3TLS", "POP3");
}
