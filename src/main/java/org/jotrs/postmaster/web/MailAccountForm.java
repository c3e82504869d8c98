package org.jotrs.postmaster.web;

import org.jotrs.postmaster.MailAccountSettings;

/** The mail account form as posted; the port stays text so that "abc" gets its own message. */
public record MailAccountForm(String type, String host, String port, String login, String password, Integer queueId,
        Boolean trusted, String folder, Boolean keepOnServer, String sslTrust, String oauth2TokenUrl,
        String oauth2ClientId, String oauth2ClientSecret, String oauth2RefreshToken, String oauth2Scope, String comment,
        Integer validId) {

    static MailAccountForm empty() {
        return new MailAccountForm("IMAPS", "", "", "", "", 0, false, "INBOX", false, "", "", "", "", "", "", "", 1);
    }

    static MailAccountForm of(MailAccountSettings s) {
        return new MailAccountForm(s.type(), s.host(), s.port() == null ? "" : s.port().toString(), s.login(), "",
                s.queueId(), s.trusted(), text(s.folder()), s.keepOnServer(), text(s.sslTrust()), text(s.oauth2TokenUrl()),
                text(s.oauth2ClientId()), "", "", text(s.oauth2Scope()), text(s.comment()), s.validId());
    }

    /** The settings; a port that is no number becomes -1, which the facade refuses with the other fields. */
    MailAccountSettings settings() {
        Integer portNumber = null;
        if (port != null && !port.isBlank()) {
            try {
                portNumber = Integer.valueOf(port.strip());
            } catch (NumberFormatException e) {
                portNumber = -1;
            }
        }
        return new MailAccountSettings(login, password, host, type, queueId == null ? 0 : queueId,
                Boolean.TRUE.equals(trusted), folder, portNumber, Boolean.TRUE.equals(keepOnServer), sslTrust,
                oauth2TokenUrl, oauth2ClientId, oauth2ClientSecret, oauth2RefreshToken, oauth2Scope, comment,
                validId == null ? 0 : validId);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
