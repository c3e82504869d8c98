package org.jotrs.mail.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jotrs.mail.*}: outbound mail settings.
 *
 * @param fqdn the domain in generated Message-IDs (OTRS's FQDN setting); defaults to this host's name
 * @param smtp the server outgoing mail is handed to; without a host, mail stays in the outbox
 * @param outbox how the outbox is worked off
 */
@ConfigurationProperties("jotrs.mail")
record MailProperties(String fqdn, @DefaultValue Smtp smtp, @DefaultValue Outbox outbox) {

    /** How the connection to the SMTP server is secured. */
    enum Security {
        /** Plain SMTP (a local relay). */
        NONE,
        /** Plain connection upgraded with STARTTLS; refused when the server does not offer it. */
        STARTTLS,
        /** TLS from the first byte (SMTPS, usually port 465). */
        TLS
    }

    /**
     * @param host the SMTP server; blank turns sending off (mail waits in the outbox)
     * @param username for SMTP AUTH (PLAIN/LOGIN, or XOAUTH2 with {@code oauth2}); blank for none
     * @param password for PLAIN/LOGIN
     * @param sslTrust hosts whose certificate is trusted without a CA chain ({@code mail.smtp.ssl.trust}); blank: the JDK's trust store
     * @param oauth2 an OAuth2 token endpoint for XOAUTH2 (Microsoft 365, Google); used when its token URL is set
     */
    record Smtp(String host, @DefaultValue("25") int port, @DefaultValue("NONE") Security security, String username,
            String password, String sslTrust, @DefaultValue("30s") Duration timeout, @DefaultValue OAuth2 oauth2) {

        boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    /**
     * An OAuth2 token source (refresh-token grant, or client credentials without a refresh token).
     *
     * @param tokenUrl e.g. {@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token}
     */
    record OAuth2(String tokenUrl, String clientId, String clientSecret, String refreshToken, String scope) {

        boolean configured() {
            return tokenUrl != null && !tokenUrl.isBlank();
        }
    }

    /**
     * @param pollInterval pause between the outbox sender's runs (the sender empties the due part of the outbox each run)
     * @param maxAttempts attempts before a mail is marked failed (a permanent 5xx refusal fails at once)
     * @param retryDelay the wait after the first failed attempt; it doubles after each further one
     * @param batchSize mails read and sent per connection at most
     */
    record Outbox(@DefaultValue("1s") Duration pollInterval, @DefaultValue("5") int maxAttempts,
            @DefaultValue("1m") Duration retryDelay, @DefaultValue("200") int batchSize) {

        Outbox {
            if (maxAttempts < 1 || batchSize < 1) {
                throw new IllegalArgumentException("jotrs.mail.outbox.max-attempts and batch-size must be at least 1");
            }
        }
    }
}
