package org.jotrs.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jotrs.JotrsApplication;
import org.jotrs.testing.ConsoleCapture;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.StartupLock;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Wrong credentials, unreachable or foreign databases: one line saying what to fix, nothing written. */
class StartupProblemsTest {

    @Test
    void unknownPostgresUserIsExplained() {
        try (TestDatabase database = TestDatabase.empty(DatabaseKind.POSTGRESQL)) {
            assertThat(startupError("--jotrs.db.url=" + database.url(), "--jotrs.db.user=no_such_role_xyz",
                    "--jotrs.db.password=secret-x"))
                    .contains("refused the user name or password")
                    .contains("JOTRS_DB_USER")
                    .doesNotContain("secret-x");
        }
    }

    @Test
    void wrongMariaDbPasswordIsExplained() {
        try (TestDatabase database = TestDatabase.empty(DatabaseKind.MYSQL)) {
            assertThat(startupError("--jotrs.db.url=" + database.url(), "--jotrs.db.user=root",
                    "--jotrs.db.password=definitely-wrong"))
                    .contains("refused the user name or password");
        }
    }

    @Test
    void unreachableDatabaseIsExplained() {
        assertThat(startupError("--jotrs.db.url=jdbc:postgresql://127.0.0.1:1/jotrs", "--jotrs.db.user=postgres"))
                .contains("cannot reach the database at jdbc:postgresql://127.0.0.1:1/jotrs")
                .contains("start the database server");
    }

    @Test
    void missingDatabaseIsExplained() {
        assertThat(startupError("--jotrs.db.url=jdbc:postgresql://127.0.0.1:5432/jotrs_no_such_db_xyz",
                "--jotrs.db.user=postgres"))
                .contains("does not exist");
    }

    @Test
    void unsupportedDatabaseUrlIsExplained() {
        assertThat(startupError("--jotrs.db.url=jdbc:oracle:thin:@localhost:1521/x"))
                .contains("is not one Jotrs supports");
    }

    @Tag(OnEveryDatabase.OTHER_DATABASES_TAG)

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MYSQL"})
    void foreignSchemaIsRefusedAndLeftUntouched(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.empty(kind)) {
            database.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount INTEGER)");
            List<String> before = tables(database);

            assertThat(startupError(database.jotrsArguments()))
                    .contains("holds tables that are not an OTRS/Znuny schema (invoices)")
                    .contains("point JOTRS_DB_URL at an empty database");

            assertThat(tables(database)).isEqualTo(before);
        }
    }

    @Test
    void failedStartExitsNonZeroWithOneLineOnStandardError() throws Exception {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                JotrsApplication.class.getName(),
                "--jotrs.db.url=jdbc:postgresql://127.0.0.1:1/jotrs", "--jotrs.db.user=postgres", "--server.port=0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(stderr.lines().filter(line -> !line.isBlank()).toList())
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("Jotrs cannot start: cannot reach the database"));
    }

    /** Starts Jotrs expecting failure; returns what it printed on standard error. */
    private static String startupError(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.add("--server.port=0");
        String printed = ConsoleCapture.errorOutputOf(() -> assertThatThrownBy(
                () -> new org.springframework.boot.builder.SpringApplicationBuilder(JotrsApplication.class)
                        .listeners(StartupLock.listeners().toArray(org.springframework.context.ApplicationListener<?>[]::new))
                        .run(all.toArray(String[]::new)))
                .isNotNull());
        assertThat(printed.lines().filter(line -> line.startsWith("Jotrs cannot start: ")).count())
                .as("one-line start-up error in:%n%s", printed).isEqualTo(1);
        return printed;
    }

    private static List<String> tables(TestDatabase database) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.connect();
                ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(),
                        database.kind() == DatabaseKind.MYSQL ? null : connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

}
