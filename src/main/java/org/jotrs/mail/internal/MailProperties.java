package org.jotrs.mail.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbound mail settings.
 *
 * @param fqdn the domain in generated Message-IDs (OTRS's FQDN setting); defaults to this host's name
 */
@ConfigurationProperties("jotrs.mail")
record MailProperties(String fqdn) {
}
