package org.jotrs.platform.internal;

import javax.sql.DataSource;

import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.DatabaseSchema;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DatabaseKind databaseKind(DataSourceProperties properties) {
        return DatabaseKind.fromJdbcUrl(properties.determineUrl());
    }

    /** One migration history, with scripts per database family (OTRS's types differ per database). */
    @Bean
    FlywayConfigurationCustomizer migrationLocations(DatabaseKind kind) {
        return configuration -> configuration.locations("classpath:db/migration/" + kind.migrationFolder());
    }

    @Bean
    SchemaInstaller schemaInstaller(DataSource dataSource, DatabaseKind kind, DataSourceProperties properties) {
        return new SchemaInstaller(dataSource, kind, properties.determineUrl());
    }

    /** Taking the initializer as a parameter makes this bean, and all that use it, wait for migrations. */
    @Bean
    DatabaseSchema databaseSchema(FlywayMigrationInitializer migrated, SchemaInstaller installer) {
        return installer.result();
    }
}
