package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.JOTRS_AUDIT_LOG;
import static org.jotrs.platform.db.schema.Tables.TICKET_PRIORITY;
import static org.jotrs.platform.db.schema.Tables.TICKET_STATE;
import static org.jotrs.platform.db.schema.Tables.TICKET_TYPE;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The state, priority and type screens over HTTP; changes show in the agent's forms on the next request. */
class TicketSettingsPagesTest {

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static AgentHttp root;
    private static DSLContext db;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        jotrs = RunningJotrs.start(database);
        db = jotrs.bean(DSLContext.class);
        root = jotrs.agent();
        root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
        Agents.anAgent("agent").named("Ag", "Ent").password("agent-pw").in(db);
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    @Test
    void anInvalidatedPriorityDisappearsFromThePhoneTicketFormAtOnce() {
        assertThat(root.get("/tickets/new").body()).contains(">1 very low</option>");
        HttpResponse<String> saved = root.submit("/admin/priorities/1", "/admin/priorities/1",
                Map.of("name", "1 very low", "validId", "2"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(root.get("/admin/priorities").body()).contains(">1 very low</a>").contains("invalid");
        assertThat(root.get("/tickets/new").body()).doesNotContain(">1 very low</option>").contains(">2 low</option>");
    }

    @Test
    void aNewStateIsOfferedAtOnce() {
        HttpResponse<String> created = root.submit("/admin/states/new", "/admin/states/new",
                Map.of("name", "waiting for parts", "typeId", "2", "comment", "", "validId", "1"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(root.get(created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body()).contains("State waiting for parts created.");
        assertThat(root.get("/tickets/new").body()).contains(">waiting for parts</option>");
        assertThat(root.submit("/admin/types/new", "/admin/types/new", Map.of("name", "Problem", "validId", "1")).statusCode())
                .isEqualTo(302);
        assertThat(root.get("/admin/types").body()).contains(">Problem</a>");
    }

    @Test
    void systemStatesAndDuplicatesAreRefusedWith422AndNothingChanges() {
        List<Object> before = snapshot();
        HttpResponse<String> rename = root.submit("/admin/states/4", "/admin/states/4",
                Map.of("name", "in progress", "typeId", "2", "comment", "", "validId", "1"));
        assertThat(rename.statusCode()).isEqualTo(422);
        assertThat(rename.body()).contains("Jotrs and OTRS rely on the state “open”, so it keeps its name.")
                .contains("value=\"in progress\"");
        HttpResponse<String> duplicate = root.submit("/admin/types/new", "/admin/types/new",
                Map.of("name", "unclassified", "validId", "1"));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("There is already a type named “unclassified”.");
        HttpResponse<String> missing = root.submit("/admin/priorities/new", "/admin/priorities/new",
                Map.of("name", "", "validId", "1"));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("Enter a name.");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(root.get("/admin/states/999").statusCode()).isEqualTo(404);
    }

    @Test
    void agentsWhoAreNotAdminsAreRefused() {
        AgentHttp agent = jotrs.agent();
        agent.signIn("agent", "agent-pw");
        List<Object> before = snapshot();
        for (String path : List.of("/admin/states", "/admin/states/new", "/admin/states/4", "/admin/priorities",
                "/admin/priorities/new", "/admin/types", "/admin/types/1")) {
            assertThat(agent.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(agent.submit("/", "/admin/priorities/3", Map.of("name", "3 normal", "validId", "2")).statusCode())
                .isEqualTo(403);
        assertThat(agent.submit("/", "/admin/types/new", Map.of("name", "Sneaky", "validId", "1")).statusCode())
                .isEqualTo(403);
        assertThat(snapshot()).isEqualTo(before);
    }

    private static List<Object> snapshot() {
        return List.of(db.selectFrom(TICKET_STATE).orderBy(TICKET_STATE.ID).fetch().formatCSV(),
                db.selectFrom(TICKET_PRIORITY).orderBy(TICKET_PRIORITY.ID).fetch().formatCSV(),
                db.selectFrom(TICKET_TYPE).orderBy(TICKET_TYPE.ID).fetch().formatCSV(), db.fetchCount(JOTRS_AUDIT_LOG));
    }
}
