package org.jotrs.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    /**
     * Creates a database of the given kind holding the current schema and initial data, exactly as
     * Jotrs's migrations leave an empty database on a first start (the first-start password is
     * still to be issued). It is a copy of a template migrated once per test JVM and kind: running
     * the 16 migrations (276 ALTER TABLEs on MariaDB, which rebuild tables) for every test cost most
     * of the suite's time. Tests of installing, adopting or refusing a database use {@link #empty}.
     *
     * <p>On PostgreSQL and MariaDB the copy is made ahead: the test gets the one made in the
     * background after the previous call, and the next one is started (copying the template's
     * 150-odd tables takes MariaDB seconds, mostly waiting for its disk). Dropping a database
     * happens in the background too; the JVM waits for both before it ends.
     */
    public static TestDatabase create(DatabaseKind kind) {
        Template template = TEMPLATES.computeIfAbsent(kind, Template::build);
        if (kind == DatabaseKind.H2) {
            return template.copy();
        }
        Future<TestDatabase> ready;
        synchronized (AHEAD) {
            ready = AHEAD.remove(kind);
            AHEAD.put(kind, BACKGROUND.submit(template::copy));
        }
        return ready == null ? template.copy() : await(ready);
    }

    private static TestDatabase await(Future<TestDatabase> ready) {
        try {
            return ready.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates an empty database of the given kind. */
    public static TestDatabase empty(DatabaseKind kind) {
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

    /** Drops the database: at once on H2, in the background on PostgreSQL and MariaDB (see {@link #create}). */
    @Override
    public void close() {
        if (kind == DatabaseKind.H2) {
            deleteFolder(h2Folder);
            return;
        }
        BACKGROUND.execute(() -> {
            try {
                drop();
            } catch (RuntimeException e) {
                System.err.println("Dropping the test database " + name + " failed: " + e.getMessage());
            }
        });
    }

    private void drop() {
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

    private static final java.util.Map<DatabaseKind, Template> TEMPLATES = new java.util.concurrent.ConcurrentHashMap<>();
    /** The copy made ahead per kind (PostgreSQL, MariaDB); guarded by itself. */
    private static final Map<DatabaseKind, Future<TestDatabase>> AHEAD = new EnumMap<>(DatabaseKind.class);
    /** Makes copies ahead and drops databases, one at a time, beside the tests. */
    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "test-databases");
        thread.setDaemon(true);
        return thread;
    });

    static {
        // When the JVM ends: the background work finished, the copies made ahead and the templates dropped.
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropEverything, "drop-test-databases"));
    }

    private static void dropEverything() {
        BACKGROUND.shutdown();
        try {
            if (!BACKGROUND.awaitTermination(2, TimeUnit.MINUTES)) {
                System.err.println("Test databases were still being made or dropped after 2 minutes; some may be left");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<TestDatabase> left = new ArrayList<>();
        synchronized (AHEAD) {
            for (Future<TestDatabase> ready : AHEAD.values()) {
                if (ready.isDone() && !ready.isCancelled()) {
                    try {
                        left.add(ready.get());
                    } catch (ExecutionException | InterruptedException e) {
                        // never made: nothing to drop
                    }
                }
            }
            AHEAD.clear();
        }
        TEMPLATES.values().forEach(template -> left.add(template.database));
        for (TestDatabase database : left) {
            try {
                database.drop();
            } catch (RuntimeException e) {
                System.err.println("Dropping the test database " + database.name + " failed: " + e.getMessage());
            }
        }
    }

    /** A database migrated with Jotrs's own migrations, copied for each test; dropped when the JVM ends. */
    private static final class Template {

        private final TestDatabase database;

        private Template(TestDatabase database) {
            this.database = database;
        }

        static Template build(DatabaseKind kind) {
            TestDatabase database = empty(kind);
            // The application's own Flyway settings (application.yml, DatabaseConfiguration).
            org.flywaydb.core.Flyway.configure()
                    .dataSource(database.url, database.user, database.password)
                    .locations("classpath:db/migration/" + kind.migrationFolder())
                    .table("jotrs_schema_history")
                    .outOfOrder(true)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            return new Template(database);
        }

        /** A new database holding a copy of the template. */
        TestDatabase copy() {
            TestDatabase copy = empty(database.kind);
            try {
                copyInto(copy);
                return copy;
            } catch (RuntimeException | Error e) {
                copy.drop();
                throw e;
            }
        }

        void copyInto(TestDatabase target) {
            try {
                switch (target.kind) {
                    case H2 -> Files.copy(database.h2Folder.resolve("jotrs.mv.db"), target.h2Folder.resolve("jotrs.mv.db"));
                    case POSTGRESQL -> {
                        // CREATE DATABASE ... TEMPLATE needs the copy's name free: drop the empty one first.
                        adminExecute(target.kind, "DROP DATABASE " + target.name);
                        adminExecute(target.kind, "CREATE DATABASE " + target.name + " TEMPLATE " + database.name);
                    }
                    case MYSQL -> copyMariaDb(target);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** MariaDB has no template databases: each table's own CREATE statement, then its rows. */
        private void copyMariaDb(TestDatabase target) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                java.util.List<String> tables = new java.util.ArrayList<>();
                try (java.sql.ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = '" + database.name + "' AND table_type = 'BASE TABLE'")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                statement.execute("SET SESSION foreign_key_checks = 0");
                statement.execute("USE `" + target.name + "`");
                for (String table : tables) {
                    String create;
                    try (java.sql.ResultSet rows = statement.executeQuery("SHOW CREATE TABLE `" + database.name + "`.`" + table + "`")) {
                        rows.next();
                        create = rows.getString(2);
                    }
                    statement.execute(create);
                    statement.execute("INSERT INTO `" + target.name + "`.`" + table + "` SELECT * FROM `" + database.name + "`.`" + table + "`");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Copying the MariaDB template failed: " + e.getMessage(), e);
            }
        }
    }
}
