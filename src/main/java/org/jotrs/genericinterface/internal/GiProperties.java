package org.jotrs.genericinterface.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code jotrs.generic-interface.*}: OTRS's GenericInterface ticket connector.
 *
 * @param webServices web service names served besides the valid ones configured in OTRS's
 *     {@code gi_webservice_config}; empty serves only those
 * @param sessionIdleTimeout a SessionCreate session ends after this long unused (OTRS {@code SessionMaxIdleTime})
 * @param sessionMaxAge and this long after it was created at the latest (OTRS {@code SessionMaxTime})
 * @param maxRequestSize larger request bodies are refused with 413
 * @param searchLimit TicketSearch's result limit when the request names none (OTRS's {@code SearchLimit})
 */
@ConfigurationProperties("jotrs.generic-interface")
public record GiProperties(@DefaultValue("GenericTicketConnectorREST") List<String> webServices,
        @DefaultValue("2h") Duration sessionIdleTimeout, @DefaultValue("16h") Duration sessionMaxAge,
        @DefaultValue("50MB") DataSize maxRequestSize, @DefaultValue("500") int searchLimit) {
}
