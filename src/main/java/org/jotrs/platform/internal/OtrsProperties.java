package org.jotrs.platform.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jotrs.otrs.*}: the OTRS installation that may share an adopted database.
 *
 * @param home OTRS's home directory (e.g. {@code /opt/otrs}), read to check that OTRS does not
 *     serve tickets from its disk cache; null when Jotrs has no access to it
 */
@ConfigurationProperties("jotrs.otrs")
record OtrsProperties(Path home) {
}
