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
 * @param resetLinkLifetime how long a mailed password reset link works
 * @param signUpLinkLifetime how long a mailed sign-up confirmation link works
 * @param mailsPerHour reset and sign-up mails one login or address may ask for in an hour
 * @param mailsPerHourPerClient reset and sign-up requests one client address may send in an hour
 * @param publicUrl where customers reach Jotrs, for the links in mails; blank: the agents'
 *     ({@code jotrs.mail.notifications.public-url})
 */
@ConfigurationProperties("jotrs.portal")
record PortalProperties(@DefaultValue("2h") Duration sessionTimeout, @DefaultValue("8") int passwordMinLength,
        @DefaultValue("1h") Duration resetLinkLifetime, @DefaultValue("24h") Duration signUpLinkLifetime,
        @DefaultValue("5") int mailsPerHour, @DefaultValue("20") int mailsPerHourPerClient,
        @DefaultValue("") String publicUrl) {
}
