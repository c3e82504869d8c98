package org.jotrs.customer.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jotrs.customer.*}.
 *
 * @param groupSupport OTRS {@code CustomerGroupSupport}: customer users see only tickets of queues whose group
 *     they hold a permission on; off by default, as in OTRS, and then the group screen is hidden
 */
@ConfigurationProperties("jotrs.customer")
record CustomerProperties(@DefaultValue("false") boolean groupSupport) {
}
