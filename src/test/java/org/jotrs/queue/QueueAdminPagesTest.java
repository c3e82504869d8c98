package org.jotrs.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.JOTRS_AUDIT_LOG;
import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.QUEUE_STANDARD_TEMPLATE;
import static org.jotrs.platform.db.schema.Tables.STANDARD_TEMPLATE;
import static org.jotrs.platform.db.schema.Tables.SYSTEM_ADDRESS;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
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

/** The queue module's admin screens over HTTP; a new queue is offered by the phone ticket form at once. */
class QueueAdminPagesTest {

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
    void aNewQueueIsOfferedInThePhoneTicketFormOnTheNextRequest() {
        assertThat(root.get("/tickets/new").body()).doesNotContain(">Billing</option>");
        HttpResponse<String> created = root.submit("/admin/queues/new", "/admin/queues/new", queue("Billing"));
        assertThat(created.statusCode()).isEqualTo(302);
        String queuePath = location(created);
        assertThat(root.get(queuePath).body()).contains("Queue Billing created.");
        assertThat(root.get("/admin/queues").body()).contains(">Billing</a>");
        assertThat(root.get("/tickets/new").body()).contains(">Billing</option>");

        Map<String, String> invalid = queue("Billing");
        invalid.put("validId", "2");
        assertThat(root.submit(queuePath, queuePath, invalid).statusCode()).isEqualTo(302);
        assertThat(root.get("/tickets/new").body()).as("an invalid queue is gone at once").doesNotContain(">Billing</option>");
    }

    @Test
    void textsTemplatesAndAddressesAreCreatedAndAssigned() {
        assertThat(root.submit("/admin/salutations/new", "/admin/salutations/new",
                Map.of("name", "Hi", "text", "Hi <OTRS_CUSTOMER_UserFirstname>,", "comment", "", "validId", "1")).statusCode())
                .isEqualTo(302);
        assertThat(root.get("/admin/salutations").body()).contains(">Hi</a>").contains("system standard salutation (en)");
        assertThat(root.submit("/admin/system-addresses/new", "/admin/system-addresses/new",
                Map.of("address", "billing@example.com", "displayName", "Billing", "queueId", "2", "validId", "1"))
                .statusCode()).isEqualTo(302);
        HttpResponse<String> template = root.submit("/admin/templates/new", "/admin/templates/new",
                Map.of("name", "Thanks", "templateType", "Answer", "text", "Thank you.", "validId", "1"));
        assertThat(template.statusCode()).isEqualTo(302);
        String templatePath = location(template);
        int templateId = Integer.parseInt(templatePath.substring(templatePath.lastIndexOf('/') + 1));
        assertThat(root.submit(templatePath + "/queues", templatePath + "/queues", Map.of("queueIds", "2")).statusCode())
                .isEqualTo(302);
        assertThat(db.fetchCount(QUEUE_STANDARD_TEMPLATE, QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID.eq(templateId)))
                .isEqualTo(1);
        assertThat(root.get("/admin/queues/2/templates").body()).contains("value=\"" + templateId + "\" checked");
    }

    @Test
    void badInputIsShownAgainWith422AndWritesNothing() {
        List<Integer> before = counts();
        Map<String, String> duplicate = queue("raw");
        duplicate.put("groupId", "999");
        duplicate.put("solutionTime", "two hours");
        HttpResponse<String> refused = root.submit("/admin/queues/new", "/admin/queues/new", duplicate);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("There is already a queue named “raw”.")
                .contains("Choose a group: there is no group with the id 999.")
                .contains("Enter a whole number of minutes, 0 for none.")
                .contains("value=\"two hours\"");
        HttpResponse<String> address = root.submit("/admin/system-addresses/new", "/admin/system-addresses/new",
                Map.of("address", "jotrs@", "displayName", "x", "queueId", "2", "validId", "1"));
        assertThat(address.statusCode()).isEqualTo(422);
        assertThat(address.body()).contains("“jotrs@” is not a valid mail address.");
        HttpResponse<String> template = root.submit("/admin/templates/new", "/admin/templates/new",
                Map.of("name", "EMPTY ANSWER", "templateType", "Answer", "text", "", "validId", "1"));
        assertThat(template.statusCode()).isEqualTo(422);
        assertThat(template.body()).contains("There is already a template named “EMPTY ANSWER”.");
        HttpResponse<String> unknownQueue = root.submit("/admin/templates/1/queues", "/admin/templates/1/queues",
                Map.of("queueIds", "9999"));
        assertThat(unknownQueue.statusCode()).isEqualTo(422);
        assertThat(unknownQueue.body()).contains("There is no queue with the id 9999.");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aRefusalIsInTheAdministratorsLanguage() {
        Agents.germanAdministrator(db, "queue-admin");
        AgentHttp german = jotrs.agent();
        german.signIn("queue-admin", Agents.passwordOf("queue-admin"));
        List<Integer> before = counts();
        Map<String, String> refusedQueue = queue("Raw");
        refusedQueue.put("groupId", "999");
        refusedQueue.put("updateTime", "-5");
        HttpResponse<String> refused = german.submit("/admin/queues/new", "/admin/queues/new", refusedQueue);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Es gibt bereits eine Queue namens „Raw“.")
                .contains("Wählen Sie eine Gruppe: Es gibt keine Gruppe mit der ID 999.")
                .contains("Geben Sie eine ganze Zahl von Minuten ein, 0 für keine.")
                .doesNotContain("There is already a queue");
        HttpResponse<String> missing = german.get("/admin/queues/9999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Es gibt keine Queue 9999.");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void escalationTimesAndWarningSharesAreSetAndOutOfRangeSharesRefused() {
        Map<String, String> form = queue("Escalating");
        form.put("firstResponseTime", "60");
        form.put("firstResponseNotify", "100");
        form.put("updateNotify", "-5");
        form.put("solutionNotify", "half");
        List<Integer> before = counts();
        HttpResponse<String> refused = root.submit("/admin/queues/new", "/admin/queues/new", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Enter a whole percentage from 0 to 99, 0 for no warning.")
                .contains("value=\"half\"");
        assertThat(counts()).isEqualTo(before);

        form.put("firstResponseNotify", "50");
        form.put("updateNotify", "");
        form.put("solutionNotify", "80");
        HttpResponse<String> created = root.submit("/admin/queues/new", "/admin/queues/new", form);
        assertThat(created.statusCode()).isEqualTo(302);
        String page = root.get(location(created)).body();
        assertThat(page).contains("name=\"firstResponseNotify\"").contains("value=\"50\"").contains("value=\"80\"");
        var stored = db.select(QUEUE.FIRST_RESPONSE_TIME, QUEUE.FIRST_RESPONSE_NOTIFY, QUEUE.UPDATE_NOTIFY, QUEUE.SOLUTION_NOTIFY)
                .from(QUEUE).where(QUEUE.NAME.eq("Escalating")).fetchSingle();
        assertThat(List.of(stored.value1(), (int) stored.value2(), (int) stored.value3(), (int) stored.value4()))
                .containsExactly(60, 50, 0, 80);
    }

    @Test
    void agentsWhoAreNotAdminsAreRefused() {
        AgentHttp agent = jotrs.agent();
        agent.signIn("agent", "agent-pw");
        List<Integer> before = counts();
        for (String path : List.of("/admin/queues", "/admin/queues/new", "/admin/queues/2", "/admin/queues/2/templates",
                "/admin/system-addresses", "/admin/salutations", "/admin/signatures/new", "/admin/templates",
                "/admin/templates/1/queues")) {
            assertThat(agent.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(agent.submit("/", "/admin/queues/new", queue("Sneaky")).statusCode()).isEqualTo(403);
        assertThat(agent.submit("/", "/admin/templates/1/queues", Map.of()).statusCode()).isEqualTo(403);
        assertThat(counts()).isEqualTo(before);
    }

    private static Map<String, String> queue(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("groupId", "1");
        form.put("systemAddressId", "1");
        form.put("salutationId", "1");
        form.put("signatureId", "1");
        form.put("followUpId", "1");
        form.put("unlockTimeout", "0");
        form.put("firstResponseTime", "");
        form.put("updateTime", "0");
        form.put("solutionTime", "0");
        form.put("calendarName", "");
        form.put("comment", "");
        form.put("validId", "1");
        return form;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    private static List<Integer> counts() {
        return List.of(db.fetchCount(QUEUE), db.fetchCount(SYSTEM_ADDRESS), db.fetchCount(STANDARD_TEMPLATE),
                db.fetchCount(QUEUE_STANDARD_TEMPLATE), db.fetchCount(JOTRS_AUDIT_LOG));
    }
}
