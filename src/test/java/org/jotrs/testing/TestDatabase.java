package org.jotrs.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.jotrs.platform.DatabaseKind;

/**
 * A throwaway database of one kind, created for one test and dropped after it. PostgreSQL and
 * MariaDB are required: when a server is unreachable the test fails (it never skips), with a
 * message saying how to start it. Servers can be moved with JOTRS_TEST_PG_URL / _USER / _PASSWORD
 * and JOTRS_TEST_MARIADB_URL / _USER / _PASSWORD.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String PG_URL = env("JOTRS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String PG_USER = env("JOTRS_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = env("JOTRS_TEST_PG_PASSWORD", "");
    private static final String MARIADB_URL = env("JOTRS_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String MARIADB_USER = env("JOTRS_TEST_MARIADB_USER", "root");
    private static final String MARIADB_PASSWORD = env("JOTRS_TEST_MARIADB_PASSWORD", "");

    private final DatabaseKind kind;
    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private final Path h2Folder;

    private TestDatabase(DatabaseKind kind, String name, String url, String user, String password, Path h2Folder) {
        this.kind = kind;
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
        this.h2Folder = h2Folder;
    }

    /** Creates an empty database of the given kind. */
    public static TestDatabase create(DatabaseKind kind) {
        String name = "jotrs_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try {
            return switch (kind) {
                case H2 -> {
                    Path folder = Files.createTempDirectory("jotrs-h2-");
                    yield new TestDatabase(kind, name,
                            "jdbc:h2:file:" + folder.resolve("jotrs") + ";DATABASE_TO_LOWER=TRUE", "jotrs", "", folder);
                }
                case POSTGRESQL -> {
                    adminExecute(kind, "CREATE DATABASE " + name + " ENCODING 'UTF8'");
                    yield new TestDatabase(kind, name, PG_URL + name, PG_USER, PG_PASSWORD, null);
                }
                case MYSQL -> {
                    adminExecute(kind, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                    yield new TestDatabase(kind, name, MARIADB_URL + name, MARIADB_USER, MARIADB_PASSWORD, null);
                }
            };
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public DatabaseKind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Command-line arguments that point Jotrs at this database. */
    public String[] jotrsArguments() {
        return new String[] {"--jotrs.db.url=" + url, "--jotrs.db.user=" + user, "--jotrs.db.password=" + password};
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Runs statements in one connection. */
    public void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + kind + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        switch (kind) {
            case H2 -> deleteFolder(h2Folder);
            case POSTGRESQL -> adminExecute(kind, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            case MYSQL -> adminExecute(kind, "DROP DATABASE IF EXISTS " + name);
        }
    }

    private static void adminExecute(DatabaseKind kind, String sql) {
        String adminUrl = kind == DatabaseKind.POSTGRESQL ? PG_URL + "postgres" : MARIADB_URL;
        String user = kind == DatabaseKind.POSTGRESQL ? PG_USER : MARIADB_USER;
        String password = kind == DatabaseKind.POSTGRESQL ? PG_PASSWORD : MARIADB_PASSWORD;
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            String start = kind == DatabaseKind.POSTGRESQL
                    ? "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
                    : "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd";
            throw new IllegalStateException(kind + " is required by the tests at " + adminUrl + " as " + user
                    + " and failed: " + e.getMessage() + ". Start it with: " + start, e);
        }
    }

    private static void deleteFolder(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
