package org.jotrs.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.Md5Crypt;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.flywaydb.core.Flyway;
import org.springframework.core.io.ClassPathResource;

/**
 * Jotrs started on a database that OTRS set up (plain SQL, no Jotrs history) adopts it: it adds
 * only jotrs_ tables, alters no OTRS table, and agents sign in with their OTRS passwords.
 */
@Tag(OnEveryDatabase.OTHER_DATABASES_TAG)
class ExistingOtrsDatabaseTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"POSTGRESQL, OTRS6", "POSTGRESQL, ZNUNY7", "MYSQL, OTRS6", "MYSQL, ZNUNY7"})
    void adoptsAnOtrsDatabaseWithoutAlteringIt(DatabaseKind kind, SchemaFlavor flavor) throws Exception {
        try (TestDatabase database = TestDatabase.empty(kind)) {
            createOtrsDatabase(database, flavor);
            Map<String, String> before = columns(database);

            try (RunningJotrs jotrs = RunningJotrs.start(database)) {
                DatabaseSchema schema = jotrs.bean(DatabaseSchema.class);
                assertThat(schema.origin()).isEqualTo(DatabaseSchema.Origin.ADOPTED);
                assertThat(schema.flavor()).isEqualTo(flavor);
                assertThat(jotrs.firstStartPassword()).as("an OTRS database keeps its admin password").isEmpty();
                assertThat(jotrs.consoleOutput()).as("an OTRS sharing the database must read through its cache")
                        .contains("OTRS side by side:").contains("$Self->{'Cache::InBackend'} = 0;").contains("jotrs.otrs.home");

                AgentHttp root = jotrs.agent();
                assertThat(root.signIn("root@localhost", "wrong").headers().firstValue("Location").orElseThrow())
                        .endsWith("/login?error");
                root.signIn("root@localhost", "otrs-root-secret");
                assertThat(root.get("/").body()).contains("Welcome, Admin OTRS").contains("<td>admin</td>");

                AgentHttp agent = jotrs.agent();
                agent.signIn("Agent1", "pässwörd-1");
                String home = agent.get("/").body();
                assertThat(home).contains("Welcome, Ann Agent").contains("<td>users</td>").contains(">ro<")
                        .doesNotContain("<td>admin</td>");
            }

            // An OTRS still running on the database may lack Crypt::Eksblowfish: hashes stay as OTRS wrote them.
            assertThat(password(database, "root@localhost")).isEqualTo(DigestUtils.sha256Hex("otrs-root-secret"));
            assertThat(password(database, "agent1")).startsWith("$apr1$");
            Map<String, String> after = columns(database);
            Map<String, String> otrsAfter = new TreeMap<>(after);
            otrsAfter.keySet().removeIf(table -> table.startsWith("jotrs_"));
            assertThat(otrsAfter).as("OTRS tables unchanged").isEqualTo(before);
            assertThat(after.keySet()).contains("jotrs_schema_history", "jotrs_system_state");

            // Once the administrator says OTRS verifies bcrypt, weak hashes are upgraded on sign-in.
            Path otrsHome = Files.createTempDirectory("otrs-home-");
            Files.createDirectories(otrsHome.resolve("Kernel"));
            Files.writeString(otrsHome.resolve("Kernel/Config.pm"),
                    "sub Load {\n    my $Self = shift;\n    $Self->{'Cache::InBackend'} = 0;\n}\n");
            try (RunningJotrs again = RunningJotrs.start(database, "--jotrs.access.password.upgrade-to-bcrypt=yes",
                    "--jotrs.otrs.home=" + otrsHome)) {
                assertThat(again.consoleOutput()).contains("OTRS reads tickets and articles through")
                        .doesNotContain("OTRS side by side: ");
                DatabaseSchema schema = again.bean(DatabaseSchema.class);
                assertThat(schema.origin()).isEqualTo(DatabaseSchema.Origin.EXISTING);
                assertThat(schema.adoptedFromOtrs()).as("still known as adopted on later starts").isTrue();
                again.agent().signIn("root@localhost", "otrs-root-secret");
                again.agent().signIn("Agent1", "pässwörd-1");
            }
            assertThat(password(database, "root@localhost")).startsWith("BCRYPT:12:");
            assertThat(password(database, "agent1")).startsWith("BCRYPT:12:");
        }
    }

    /** The schema and initial data as OTRS's installer writes them, with OTRS-hashed passwords. */
    static void createOtrsDatabase(TestDatabase database, SchemaFlavor flavor) throws Exception {
        // OTRS's installer runs its schema and initial-data SQL; Flyway is used here only as a
        // statement runner (its history table is dropped afterwards), since these scripts hold
        // multi-line literals that simple splitters get wrong.
        Path scripts = Files.createTempDirectory("otrs-install-");
        String folder = "db/migration/" + database.kind().migrationFolder() + "/";
        for (String script : new String[] {"V1__otrs_schema.sql", "V2__otrs_initial_data.sql"}) {
            String sql = new ClassPathResource(folder + script).getContentAsString(StandardCharsets.UTF_8);
            if (flavor == SchemaFlavor.OTRS6) {
                sql = sql.replace("permission_groups", "groups");
            }
            Files.writeString(scripts.resolve(script), sql);
        }
        Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations("filesystem:" + scripts)
                .table("otrs_installer_history")
                .load()
                .migrate();
        database.execute("DROP TABLE otrs_installer_history");
        String groups = flavor.groupTable();
        database.execute(
                "UPDATE users SET pw = '" + DigestUtils.sha256Hex("otrs-root-secret") + "' WHERE login = 'root@localhost'",
                "INSERT INTO users (login, pw, first_name, last_name, valid_id, create_time, create_by, change_time, change_by)"
                        + " VALUES ('agent1', '" + Md5Crypt.apr1Crypt("pässwörd-1".getBytes(StandardCharsets.UTF_8), "abcdefgh")
                        + "', 'Ann', 'Agent', 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)",
                "INSERT INTO roles (name, valid_id, create_time, create_by, change_time, change_by)"
                        + " VALUES ('readers', 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)",
                "INSERT INTO role_user (user_id, role_id, create_time, create_by, change_time, change_by)"
                        + " SELECT u.id, r.id, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1 FROM users u, roles r"
                        + " WHERE u.login = 'agent1' AND r.name = 'readers'",
                "INSERT INTO group_role (role_id, group_id, permission_key, permission_value, create_time, create_by, change_time, change_by)"
                        + " SELECT r.id, g.id, 'ro', 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1 FROM roles r, " + groups + " g"
                        + " WHERE r.name = 'readers' AND g.name = 'users'",
                // A revoked role permission (value 0) grants nothing.
                "INSERT INTO group_role (role_id, group_id, permission_key, permission_value, create_time, create_by, change_time, change_by)"
                        + " SELECT r.id, g.id, 'rw', 0, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1 FROM roles r, " + groups + " g"
                        + " WHERE r.name = 'readers' AND g.name = 'admin'");
    }

    private static String password(TestDatabase database, String login) throws Exception {
        try (Connection connection = database.connect();
                var statement = connection.prepareStatement("SELECT pw FROM users WHERE login = ?")) {
            statement.setString(1, login);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** table -> its columns with type, size and nullability, as the database reports them. */
    private static Map<String, String> columns(TestDatabase database) throws Exception {
        Map<String, StringBuilder> columns = new TreeMap<>();
        try (Connection connection = database.connect();
                ResultSet rs = connection.getMetaData().getColumns(connection.getCatalog(),
                        database.kind() == DatabaseKind.MYSQL ? null : connection.getSchema(), "%", "%")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT), t -> new StringBuilder())
                        .append(rs.getString("COLUMN_NAME")).append(' ').append(rs.getString("TYPE_NAME"))
                        .append('(').append(rs.getInt("COLUMN_SIZE")).append(") ").append(rs.getInt("NULLABLE")).append("; ");
            }
        }
        Map<String, String> result = new TreeMap<>();
        columns.forEach((table, description) -> result.put(table, description.toString()));
        return result;
    }
}
