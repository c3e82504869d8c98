package org.jotrs.api.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code jotrs.api.*}.
 *
 * @param maxRequestSize the largest request body {@code /api/v1} reads (413 above); a base64
 *     attachment is a third larger than the file
 */
@ConfigurationProperties("jotrs.api")
public record ApiProperties(@DefaultValue("40MB") DataSize maxRequestSize) {
}
