package org.jotrs.postmaster.internal;

import java.util.Locale;

import org.jotrs.mail.OAuth2AccessTokens;

/**
 * A mail account as the fetcher uses it: OTRS's {@code mail_account} row with Jotrs's settings.
 *
 * @param type OTRS's account type: POP3, POP3S, POP3TLS, IMAP, IMAPS or IMAPTLS
 * @param queueId the queue for new tickets (OTRS DispatchingBy Queue), or null to dispatch by recipient (OTRS 'From')
 * @param port the port, or null for the protocol's default
 * @param keepOnServer IMAP only: mark fetched messages seen (and fetch only unseen ones) instead of deleting them
 * @param oauth2 XOAUTH2 instead of the password, or null
 */
record MailAccount(int id, String login, String password, String host, String type, Integer queueId, boolean trusted,
        String folder, Integer port, boolean keepOnServer, String sslTrust, OAuth2AccessTokens.Grant oauth2, boolean valid) {

    boolean imap() {
        return type.toUpperCase(Locale.ROOT).startsWith("IMAP");
    }

    /** The Jakarta Mail protocol name. */
    String protocol() {
        String upper = type.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "IMAPS" -> "imaps";
            case "POP3S" -> "pop3s";
            case "IMAP", "IMAPTLS" -> "imap";
            default -> "pop3";
        };
    }

    boolean startTls() {
        return type.toUpperCase(Locale.ROOT).endsWith("TLS");
    }

    int effectivePort() {
        if (port != null && port > 0) {
            return port;
        }
        return switch (protocol()) {
            case "imaps" -> 993;
            case "pop3s" -> 995;
            case "imap" -> 143;
            default -> 110;
        };
    }

    String describe() {
        return type + " " + login + "@" + host + ":" + effectivePort();
    }
}
