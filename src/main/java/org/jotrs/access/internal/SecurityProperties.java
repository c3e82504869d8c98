package org.jotrs.access.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jotrs.security.*}: sign-in throttling, who may read metrics, password length.
 *
 * @param maxFailedLogins failed sign-ins per login name before sign-in is refused for
 *     {@code loginLockout}; a client address may fail four times as often (offices share one)
 * @param loginLockout how long sign-in stays refused
 * @param metricsAllowedFrom CIDR ranges allowed to read {@code /actuator/prometheus}
 * @param passwordMinLength the shortest agent password an admin or the agent may set; OTRS's
 *     {@code PasswordMinSize} defaults to 0, Jotrs to 8 (secure by default)
 */
@ConfigurationProperties("jotrs.security")
record SecurityProperties(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration loginLockout,
        @DefaultValue({"127.0.0.1/32", "::1/128"}) List<String> metricsAllowedFrom,
        @DefaultValue("8") int passwordMinLength) {
}
