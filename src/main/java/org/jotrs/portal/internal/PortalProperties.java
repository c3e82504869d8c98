package org.jotrs.portal.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jotrs.portal.*}.
 *
 * @param sessionTimeout how long a customer session lives without a request (OTRS's
 *     SessionMaxIdleTime, 2 hours, as for agents)
 * @param passwordMinLength the shortest password a customer may choose
 */
@ConfigurationProperties("jotrs.portal")
record PortalProperties(@DefaultValue("2h") Duration sessionTimeout, @DefaultValue("8") int passwordMinLength) {
}
