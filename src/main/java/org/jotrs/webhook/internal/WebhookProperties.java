package org.jotrs.webhook.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jotrs.webhook.*}: delivering webhooks.
 *
 * @param pollInterval pause between two runs of the deliverer (reading the change feed, sending what is due)
 * @param connectTimeout how long to wait for a receiver to accept the connection
 * @param timeout how long to wait for a receiver's whole answer; a receiver that hangs costs one
 *     attempt after this long and holds up no other delivery (each goes out on its own thread)
 * @param maxAttempts attempts per delivery before it is marked failed
 * @param firstRetry the wait after the first failed attempt; it doubles after each further one
 * @param maxRetry the longest wait between two attempts
 * @param disableAfter failed attempts in a row after which a webhook is switched off (and the admins told)
 * @param batchSize deliveries sent per run at most
 * @param allowPrivateNetworks whether receivers may be on loopback, private (RFC 1918/4193) or link-local
 *     addresses; off by default, so a webhook cannot be used to reach the internal network (SSRF)
 */
@ConfigurationProperties("jotrs.webhook")
record WebhookProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration timeout, @DefaultValue("8") int maxAttempts,
        @DefaultValue("10s") Duration firstRetry, @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("20") int disableAfter, @DefaultValue("100") int batchSize,
        @DefaultValue("false") boolean allowPrivateNetworks) {
}
