package org.jotrs.platform.internal;

import org.jotrs.platform.DatabaseSchema;
import org.jotrs.platform.JdbcUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Tells the operator where Jotrs answers once it is ready. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final DatabaseSchema schema;
    private final DataSourceProperties dataSource;

    StartupBanner(DatabaseSchema schema, DataSourceProperties dataSource) {
        this.schema = schema;
        this.dataSource = dataSource;
    }

    @EventListener
    @Order(0)
    void ready(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        log.info("Jotrs is running at http://localhost:{}/ database={} schema={} origin={}", port,
                JdbcUrls.redact(dataSource.determineUrl()), schema.flavor(), schema.origin());
    }
}
