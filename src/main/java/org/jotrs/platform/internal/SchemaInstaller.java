package org.jotrs.platform.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.DatabaseSchema;
import org.jotrs.platform.JdbcUrls;
import org.jotrs.platform.SchemaFlavor;
import org.jotrs.platform.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Brings the database to the current schema, deciding first what kind of database it is:
 * <ul>
 * <li>empty: install the OTRS schema, its initial data and the Jotrs tables;</li>
 * <li>an OTRS/Znuny database Jotrs has never seen (OTRS tables, no Jotrs history): baseline after
 * the OTRS scripts and add only the {@code jotrs_} tables, so no OTRS table is altered;</li>
 * <li>a Jotrs database: apply what is new;</li>
 * <li>anything else: refuse before writing a thing.</li>
 * </ul>
 */
class SchemaInstaller implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(SchemaInstaller.class);

    /** Migrations V1 (OTRS schema) and V2 (OTRS initial data) are what an OTRS database already has. */
    static final String OTRS_BASELINE_VERSION = "2";

    static final String HISTORY_TABLE = "jotrs_schema_history";

    /** Tables the help desk core reads and writes; an adopted OTRS database must have them all. */
    static final List<String> OTRS_CORE_TABLES = List.of(
            "valid", "users", "user_preferences", "group_user", "group_role", "roles", "role_user",
            "queue", "system_address", "salutation", "signature", "standard_template", "follow_up_possible",
            "ticket", "ticket_history", "ticket_history_type", "ticket_state", "ticket_state_type",
            "ticket_priority", "ticket_type", "ticket_lock_type", "ticket_number_counter", "ticket_flag",
            "ticket_watcher", "article", "article_data_mime", "article_data_mime_plain",
            "article_data_mime_attachment", "article_sender_type", "communication_channel", "article_flag",
            "customer_user", "customer_company", "time_accounting", "link_object", "link_relation",
            "mail_account", "postmaster_filter", "mail_queue", "auto_response", "ticket_loop_protection",
            "dynamic_field", "dynamic_field_value", "sessions");

    private final DataSource dataSource;
    private final DatabaseKind kind;
    private final String redactedUrl;
    private DatabaseSchema result;

    SchemaInstaller(DataSource dataSource, DatabaseKind kind, String jdbcUrl) {
        this.dataSource = dataSource;
        this.kind = kind;
        this.redactedUrl = JdbcUrls.redact(jdbcUrl);
    }

    @Override
    public void migrate(Flyway flyway) {
        Set<String> tables = tables();
        DatabaseSchema.Origin origin;
        if (tables.contains(HISTORY_TABLE)) {
            origin = DatabaseSchema.Origin.EXISTING;
            report(flyway.migrate());
        } else if (tables.isEmpty()) {
            origin = DatabaseSchema.Origin.INSTALLED;
            log.info("Installing the OTRS-compatible schema into empty database url={}", redactedUrl);
            report(flyway.migrate());
        } else if (looksLikeOtrs(tables)) {
            requireCoreTables(tables);
            origin = DatabaseSchema.Origin.ADOPTED;
            log.info("Found an OTRS/Znuny database without Jotrs; adding only jotrs_ tables url={}", redactedUrl);
            Flyway.configure()
                    .configuration(flyway.getConfiguration())
                    .baselineVersion(OTRS_BASELINE_VERSION)
                    .baselineDescription("existing OTRS/Znuny schema")
                    .load()
                    .baseline();
            report(flyway.migrate());
        } else {
            throw new StartupProblem(
                    "the database " + redactedUrl + " holds tables that are not an OTRS/Znuny schema ("
                            + tables.stream().limit(5).collect(Collectors.joining(", "))
                            + (tables.size() > 5 ? ", ..." : "") + ")",
                    "point JOTRS_DB_URL at an empty database or at an OTRS 6 / Znuny database");
        }
        Set<String> after = tables();
        SchemaFlavor flavor = after.contains("permission_groups") ? SchemaFlavor.ZNUNY7 : SchemaFlavor.OTRS6;
        boolean adopted = switch (origin) {
            case ADOPTED -> true;
            case INSTALLED -> false;
            case EXISTING -> baselined();
        };
        result = new DatabaseSchema(kind, flavor, origin, adopted);
    }

    DatabaseSchema result() {
        if (result == null) {
            throw new IllegalStateException("migrations have not run");
        }
        return result;
    }

    private static boolean looksLikeOtrs(Set<String> tables) {
        return tables.contains("ticket") && tables.contains("queue") && tables.contains("users")
                && (tables.contains("groups") || tables.contains("permission_groups"));
    }

    private void requireCoreTables(Set<String> tables) {
        List<String> missing = OTRS_CORE_TABLES.stream().filter(t -> !tables.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new StartupProblem(
                    "the OTRS database " + redactedUrl + " lacks tables of the OTRS 6 / Znuny schema ("
                            + String.join(", ", missing) + ")",
                    "upgrade it to OTRS 6 or Znuny 6.5+ with OTRS's own migration scripts first");
        }
    }

    private static void report(MigrateResult migrate) {
        if (migrate.migrationsExecuted > 0) {
            log.info("Applied migrations count={} schemaVersion={}", migrate.migrationsExecuted, migrate.targetSchemaVersion);
        }
    }

    /**
     * Whether the migration history starts with the baseline Jotrs sets when it adopts an OTRS
     * database (a database Jotrs installed has run V1 and V2 instead).
     */
    private boolean baselined() {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM " + HISTORY_TABLE + " WHERE " + quoted("type") + " = 'BASELINE'");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() && rs.getInt(1) > 0;
        } catch (SQLException e) {
            throw DatabaseProblems.explain(e, redactedUrl);
        }
    }

    /** Flyway's history columns are lower case; H2 and PostgreSQL need them quoted as such. */
    private String quoted(String column) {
        return kind == DatabaseKind.MYSQL ? "`" + column + "`" : "\"" + column + "\"";
    }

    /** Table names in the connection's own schema, lower case. */
    private Set<String> tables() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            Set<String> names = new TreeSet<>();
            String schema = kind == DatabaseKind.MYSQL ? null : connection.getSchema();
            try (ResultSet rs = meta.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return names;
        } catch (SQLException e) {
            throw DatabaseProblems.explain(e, redactedUrl);
        }
    }
}
