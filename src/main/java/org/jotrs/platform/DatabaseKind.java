package org.jotrs.platform;

import java.util.Locale;

/** The database families Jotrs runs on; each has its own migration scripts. */
public enum DatabaseKind {
    H2("h2"),
    POSTGRESQL("postgresql"),
    /** MariaDB 10.11+ and MySQL 8 share OTRS's MySQL schema. */
    MYSQL("mysql");

    private final String migrationFolder;

    DatabaseKind(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** The folder under {@code db/migration} holding this database's scripts. */
    public String migrationFolder() {
        return migrationFolder;
    }

    /**
     * Tells the database family from a JDBC URL.
     *
     * @throws StartupProblem when the URL names a database Jotrs does not support
     */
    public static DatabaseKind fromJdbcUrl(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return MYSQL;
        }
        throw new StartupProblem(
                "the database URL '" + JdbcUrls.redact(url) + "' is not one Jotrs supports",
                "set JOTRS_DB_URL to a jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql: or jdbc:h2: URL");
    }
}
