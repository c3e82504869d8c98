package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Customers;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.Agents;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The redesigned zoom over HTTP: one field panel saved with one button, 409 naming the colleague
 * whose change a stale form would overwrite (nothing written), the customer panel with the
 * customer's other open tickets, internal notes marked, history in words of the reader's language.
 */
class TicketZoomPagesTest {

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static AgentHttp root;
    private static DSLContext db;
    private static int bob;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        jotrs = RunningJotrs.start(database);
        root = jotrs.agent();
        root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
        db = jotrs.bean(DSLContext.class);
        Customers.aCompany("ACME").named("Acme Inc.").in(db);
        Agents.customerCarla(db);
        db.execute("UPDATE customer_user SET phone = '+49 30 1234567' WHERE login = 'carla'");
        bob = Agents.agent(db, "bob", "Bob", "Baker");
        Agents.grant(db, bob, 1, "rw");
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    private static long ticket(String title) {
        return jotrs.bean(TicketService.class).createPhoneTicket(1,
                new NewPhoneTicket(2, "carla", title, "Details of " + title, null, null, null)).ticketId();
    }

    @Test
    void theFieldPanelSavesEverythingWithOneButton() {
        long id = ticket("Projector flickers");
        String zoom = root.get("/tickets/" + id).body();
        assertThat(zoom).contains("action=\"/tickets/" + id + "/fields\"")
                .contains("name=\"seen.priority\" value=\"3 normal\"")
                .contains("name=\"seen.title\" value=\"Projector flickers\"");

        Map<String, String> form = panel(id, zoom);
        form.put("title", "Projector flickers in room 4");
        form.put("priority", "4 high");
        form.put("state", "closed successful");
        HttpResponse<String> saved = root.submit("/tickets/" + id, "/tickets/" + id + "/fields", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        var row = db.selectFrom(TICKET).where(TICKET.ID.eq(id)).fetchSingle();
        assertThat(row.getTitle()).isEqualTo("Projector flickers in room 4");
        assertThat(row.getTicketPriorityId()).isEqualTo((short) 4);
        assertThat(row.getTicketStateId()).isEqualTo((short) 2);
        assertThat(root.get("/tickets/" + id).body())
                .contains("Priority changed from 3 normal to 4 high.")
                .contains("State changed from open to closed successful.")
                .contains("Title changed from “Projector flickers” to “Projector flickers in room 4”.")
                .contains("data-history-type=\"PriorityUpdate\"");
    }

    @Test
    void aStaleFormIsRefusedWith409NamingWhoChangedTheField() {
        long id = ticket("Badge reader broken");
        Map<String, String> form = panel(id, root.get("/tickets/" + id).body());
        jotrs.bean(TicketService.class).apply(bob, id, new TicketAction.ChangePriority("5 very high"));
        int history = db.fetchCount(TICKET_HISTORY, TICKET_HISTORY.TICKET_ID.eq(id));

        form.put("priority", "2 low");
        form.put("title", "Badge reader at door 2 broken");
        HttpResponse<String> refused = root.submit("/tickets/" + id, "/tickets/" + id + "/fields", form);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Changed by Bob Baker since you opened it.")
                .contains("someone else changed this ticket since you opened it")
                // Bob's value is shown now, the agent's other change is still in the form.
                .contains("name=\"seen.priority\" value=\"5 very high\"")
                .contains("value=\"Badge reader at door 2 broken\"");
        var row = db.selectFrom(TICKET).where(TICKET.ID.eq(id)).fetchSingle();
        assertThat(row.getTicketPriorityId()).isEqualTo((short) 5);
        assertThat(row.getTitle()).isEqualTo("Badge reader broken");
        assertThat(db.fetchCount(TICKET_HISTORY, TICKET_HISTORY.TICKET_ID.eq(id))).isEqualTo(history);

        // In German, the refusal and the history speak German.
        HttpResponse<String> german = root.get("/tickets/" + id, "de");
        assertThat(german.body()).contains("Priorität von 3 normal auf 5 very high geändert.");
    }

    @Test
    void invalidInputIs422AndKeepsWhatWasEntered() {
        long id = ticket("Chair squeaks");
        Map<String, String> form = panel(id, root.get("/tickets/" + id).body());
        form.put("title", "Chair squeaks loudly");
        form.put("state", "pending reminder");
        HttpResponse<String> refused = root.submit("/tickets/" + id, "/tickets/" + id + "/fields", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("A pending state needs the date and time to wait until.")
                .contains("value=\"Chair squeaks loudly\"");
        assertThat(db.select(TICKET.TITLE).from(TICKET).where(TICKET.ID.eq(id)).fetchSingle().value1())
                .isEqualTo("Chair squeaks");
        form.put("ownerId", "x");
        assertThat(root.submit("/tickets/" + id, "/tickets/" + id + "/fields", form).statusCode()).isEqualTo(422);
    }

    @Test
    void theCustomerPanelShowsContactCompanyAndOtherOpenTickets() {
        long first = ticket("Monitor cable missing");
        long second = ticket("Keyboard sticky");
        jotrs.bean(TicketService.class).apply(1, second, new TicketAction.AddNote("Internal", "Check stock first.", false));
        String zoom = root.get("/tickets/" + second).body();
        assertThat(zoom).contains("id=\"ticket-customer\"").contains("Carla Customer").contains("carla@example.com")
                .contains("+49 30 1234567").contains("Acme Inc.")
                .contains("href=\"/tickets/" + first + "\"").contains("Monitor cable missing")
                .contains("article-internal");
    }

    /** The panel's fields as the page fills them: every value and its seen value. */
    private static Map<String, String> panel(long id, String zoom) {
        Map<String, String> form = new LinkedHashMap<>();
        var matcher = java.util.regex.Pattern.compile("name=\"seen\\.([A-Za-z]+)\" value=\"([^\"]*)\"").matcher(zoom);
        while (matcher.find()) {
            String value = matcher.group(2).replace("&#34;", "\"").replace("&amp;", "&");
            form.put("seen." + matcher.group(1), value);
            form.put(matcher.group(1), value);
        }
        assertThat(form).containsKeys("title", "state", "priority", "queueId", "ownerId", "responsibleId", "type",
                "customerUser", "customerId", "pendingUntil");
        return form;
    }
}
