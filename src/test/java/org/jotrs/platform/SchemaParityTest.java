package org.jotrs.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.flywaydb.core.Flyway;
import org.jotrs.testing.TestDatabase;
import org.jotrs.testing.OnEveryDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One migration history: H2, PostgreSQL and MariaDB end up with the same tables, columns and OTRS rows. */
@Tag(OnEveryDatabase.OTHER_DATABASES_TAG)
class SchemaParityTest {

    private static final List<String> SAME_ROWS = List.of(
            "SELECT id, name, type_id FROM ticket_state ORDER BY id",
            "SELECT id, name FROM ticket_state_type ORDER BY id",
            "SELECT id, name FROM ticket_priority ORDER BY id",
            "SELECT id, name FROM ticket_lock_type ORDER BY id",
            "SELECT id, name FROM article_sender_type ORDER BY id",
            "SELECT id, name FROM communication_channel ORDER BY id",
            "SELECT id, name FROM ticket_history_type ORDER BY id",
            "SELECT id, name, group_id FROM queue ORDER BY id",
            "SELECT id, name FROM permission_groups ORDER BY id",
            "SELECT id, name FROM follow_up_possible ORDER BY id",
            "SELECT id, name FROM auto_response_type ORDER BY id",
            "SELECT id, name FROM valid ORDER BY id",
            "SELECT user_id, group_id, permission_key FROM group_user ORDER BY group_id, permission_key",
            "SELECT id, login, pw, first_name, last_name, valid_id FROM users ORDER BY id");

    @Test
    void everyDatabaseGetsTheSameSchemaAndInitialData() throws Exception {
        Map<DatabaseKind, Map<String, Set<String>>> columns = new EnumMap<>(DatabaseKind.class);
        Map<DatabaseKind, List<List<String>>> rows = new EnumMap<>(DatabaseKind.class);
        for (DatabaseKind kind : DatabaseKind.values()) {
            try (TestDatabase database = TestDatabase.empty(kind)) {
                Flyway.configure()
                        .dataSource(database.url(), database.user(), database.password())
                        .locations("classpath:db/migration/" + kind.migrationFolder())
                        .table("jotrs_schema_history")
                        .load()
                        .migrate();
                try (Connection connection = database.connect()) {
                    columns.put(kind, columns(connection, kind));
                    rows.put(kind, rows(connection));
                }
            }
        }
        Map<String, Set<String>> h2 = columns.get(DatabaseKind.H2);
        assertThat(h2.keySet()).contains("ticket", "article", "users", "permission_groups", "jotrs_system_state");
        assertThat(h2.size()).isGreaterThan(60);
        assertThat(columns.get(DatabaseKind.POSTGRESQL)).isEqualTo(h2);
        assertThat(columns.get(DatabaseKind.MYSQL)).isEqualTo(h2);

        List<List<String>> h2Rows = rows.get(DatabaseKind.H2);
        assertThat(rows.get(DatabaseKind.POSTGRESQL)).isEqualTo(h2Rows);
        assertThat(rows.get(DatabaseKind.MYSQL)).isEqualTo(h2Rows);
        assertThat(h2Rows.getFirst()).containsExactly(
                "1|new|1", "2|closed successful|3", "3|closed unsuccessful|3", "4|open|2", "5|removed|6",
                "6|pending reminder|4", "7|pending auto close+|5", "8|pending auto close-|5", "9|merged|7");
        assertThat(h2Rows.get(2)).containsExactly("1|1 very low", "2|2 low", "3|3 normal", "4|4 high", "5|5 very high");
        assertThat(h2Rows.get(7)).containsExactly("1|Postmaster|1", "2|Raw|1", "3|Junk|1", "4|Misc|1");
        assertThat(h2Rows.get(8)).startsWith("1|users", "2|admin", "3|stats");
        assertThat(h2Rows.getLast()).containsExactly("1|root@localhost||Admin|OTRS|1");
    }

    private static Map<String, Set<String>> columns(Connection connection, DatabaseKind kind) throws Exception {
        Map<String, Set<String>> columns = new TreeMap<>();
        String schema = kind == DatabaseKind.MYSQL ? null : connection.getSchema();
        try (ResultSet rs = connection.getMetaData().getColumns(connection.getCatalog(), schema, "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.equals("jotrs_schema_history")) {
                    columns.computeIfAbsent(table, t -> new TreeSet<>()).add(
                            rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                                    + (rs.getInt("NULLABLE") == java.sql.DatabaseMetaData.columnNoNulls ? " not null" : ""));
                }
            }
        }
        return columns;
    }

    private static List<List<String>> rows(Connection connection) throws Exception {
        List<List<String>> result = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String query : SAME_ROWS) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery(query)) {
                    int count = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<String> values = new ArrayList<>();
                        for (int i = 1; i <= count; i++) {
                            values.add(java.util.Objects.toString(rs.getObject(i), ""));
                        }
                        lines.add(String.join("|", values));
                    }
                }
                result.add(lines);
            }
        }
        return result;
    }
}
