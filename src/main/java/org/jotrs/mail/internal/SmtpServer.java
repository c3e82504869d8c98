package org.jotrs.mail.internal;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import org.springframework.stereotype.Component;

/**
 * Connections to the configured SMTP server ({@code jotrs.mail.smtp.*}): plain, STARTTLS
 * (required, never silently plain) or TLS from the start; AUTH PLAIN/LOGIN with a password, or
 * XOAUTH2 with an access token from the OAuth2 token endpoint.
 */
@Component
class SmtpServer {

    private final MailProperties.Smtp smtp;
    private final OAuth2Tokens tokens;
    private final Session session;

    SmtpServer(MailProperties properties, OAuth2Tokens tokens) {
        this.smtp = properties.smtp();
        this.tokens = tokens;
        this.session = Session.getInstance(sessionProperties(smtp));
    }

    boolean configured() {
        return smtp.configured();
    }

    Session session() {
        return session;
    }

    /** Where mail goes, for logs and the admin screen (no credentials). */
    String describe() {
        return smtp.configured() ? smtp.host() + ":" + smtp.port() + " (" + smtp.security() + ")" : "(no SMTP server configured)";
    }

    /** A connected transport; the caller closes it. */
    Transport connect() throws MessagingException, org.jotrs.mail.OAuth2AccessTokens.Refused {
        Transport transport = session.getTransport("smtp");
        String user = blankToNull(smtp.username());
        if (user == null) {
            transport.connect(smtp.host(), smtp.port(), null, null);
        } else if (smtp.oauth2().configured()) {
            org.jotrs.mail.OAuth2AccessTokens.Grant grant = grant();
            try {
                transport.connect(smtp.host(), smtp.port(), user, tokens.accessToken(grant));
            } catch (jakarta.mail.AuthenticationFailedException e) {
                tokens.forget(grant);
                throw e;
            }
        } else {
            transport.connect(smtp.host(), smtp.port(), user, smtp.password() == null ? "" : smtp.password());
        }
        return transport;
    }

    private org.jotrs.mail.OAuth2AccessTokens.Grant grant() {
        MailProperties.OAuth2 o = smtp.oauth2();
        return new org.jotrs.mail.OAuth2AccessTokens.Grant(o.tokenUrl(), o.clientId(), o.clientSecret(), o.refreshToken(), o.scope());
    }

    private static Properties sessionProperties(MailProperties.Smtp smtp) {
        Properties p = new Properties();
        String timeout = Long.toString(smtp.timeout().toMillis());
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        // A refused recipient must not hold the mail back from the others; it is recorded on the article.
        p.put("mail.smtp.sendpartial", "true");
        switch (smtp.security()) {
            case NONE -> { }
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case TLS -> p.put("mail.smtp.ssl.enable", "true");
        }
        if (smtp.security() != MailProperties.Security.NONE) {
            if (smtp.sslTrust() != null && !smtp.sslTrust().isBlank()) {
                // Hosts trusted by name (a self-signed internal relay): the certificate is not checked.
                p.put("mail.smtp.ssl.trust", smtp.sslTrust().strip());
                p.put("mail.smtp.ssl.checkserveridentity", "false");
            } else {
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
        }
        if (blankToNull(smtp.username()) != null) {
            p.put("mail.smtp.auth", "true");
            if (smtp.oauth2().configured()) {
                p.put("mail.smtp.auth.mechanisms", "XOAUTH2");
            } else {
                p.put("mail.smtp.auth.mechanisms", "PLAIN LOGIN");
            }
        }
        return p;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
