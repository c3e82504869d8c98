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
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies in front of Jotrs; only a
 *     request whose peer is one of them may set the client address and scheme by
 *     {@code X-Forwarded-For} / {@code X-Forwarded-Proto}. Empty by default: the headers are
 *     ignored and the peer address counts (metrics access, sign-in throttling, logs)
 */
@ConfigurationProperties("jotrs.security")
record SecurityProperties(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration loginLockout,
        @DefaultValue({"127.0.0.1/32", "::1/128"}) List<String> metricsAllowedFrom,
        @DefaultValue("8") int passwordMinLength,
        @DefaultValue({}) List<String> trustedProxies) {

    /** The trusted proxies as CIDR ranges (a bare address becomes /32 or /128), comma-separated for Tomcat. */
    String trustedProxyRanges() {
        return trustedProxies.stream().map(String::strip).filter(entry -> !entry.isEmpty())
                .map(entry -> {
                    if (!entry.matches("[0-9A-Fa-f:.]+(/\\d{1,3})?")) {
                        throw new IllegalStateException("jotrs.security.trusted-proxies: '" + entry
                                + "' is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/24)");
                    }
                    return entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32");
                })
                .collect(java.util.stream.Collectors.joining(","));
    }
}
