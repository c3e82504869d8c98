package org.jotrs.access.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jotrs.security.*}: sign-in throttling and who may read metrics.
 *
 * @param maxFailedLogins failed sign-ins per login name before sign-in is refused for
 *     {@code loginLockout}; a client address may fail four times as often (offices share one)
 * @param loginLockout how long sign-in stays refused
 * @param metricsAllowedFrom CIDR ranges allowed to read {@code /actuator/prometheus}
 */
@ConfigurationProperties("jotrs.security")
record SecurityProperties(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration loginLockout,
        @DefaultValue({"127.0.0.1/32", "::1/128"}) List<String> metricsAllowedFrom) {
}
