package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
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

/** The phone ticket form, zoom and queue view over HTTP, with the permission checks behind them. */
class TicketPagesTest {

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static AgentHttp root;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        jotrs = RunningJotrs.start(database);
        root = jotrs.agent();
        root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
        DSLContext db = jotrs.bean(DSLContext.class);
        Customers.aCompany("ACME").named("Acme Inc.").in(db);
        Customers.aCustomerUser("carla").in(db);
        Agents.anAgent("outsider").named("Out", "Sider").password("outsider-pw").in(db);
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    @Test
    void phoneTicketGoesFromFormToZoomAndQueueView() {
        HttpResponse<String> form = root.get("/tickets/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<option value=\"2\">Raw</option>").contains("3 normal");

        HttpResponse<String> created = root.submit("/tickets/new", "/tickets/new", phoneTicket("Mail server down"));
        assertThat(created.statusCode()).isEqualTo(302);
        String zoomPath = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(zoomPath).matches("/tickets/\\d+");

        String zoom = root.get(zoomPath).body();
        assertThat(zoom).contains("Mail server down").contains("Nothing gets through since 8:00.")
                .contains("From: \"Carla Customer\" &lt;carla@example.com&gt;")
                .contains("NewTicket").contains("PhoneCallCustomer").contains("CustomerUpdate");

        // Breadcrumbs on the deeper screens: the zoom, its reply form, an admin entry.
        assertThat(zoom).containsPattern("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/queues\">Queues</a> › "
                + "<a href=\"/queues\\?queue=2\">Raw</a> › <span aria-current=\"page\">Ticket#\\d+</span></nav>");
        assertThat(root.get(zoomPath + "/reply").body()).containsPattern("<a href=\"/queues\\?queue=2\">Raw</a> › "
                + "<a href=\"" + zoomPath + "\">Ticket#\\d+</a> › <span aria-current=\"page\">Reply</span></nav>");
        assertThat(root.get("/admin/customers/new").body()).containsPattern("<nav class=\"crumbs\" aria-label=\"Breadcrumb\">"
                + "<a href=\"/admin\">Administration</a> ›\\s*<a href=\"/admin/customers\">Customer users</a> › "
                + "<span aria-current=\"page\">[^<]+</span></nav>");

        String queues = root.get("/queues?queue=2").body();
        assertThat(queues).contains("Mail server down").contains("href=\"" + zoomPath + "\"");
        assertThat(root.get("/queues").body()).contains("Mail server down");
    }

    @Test
    void invalidFormIsShownAgainWithErrorsAndWritesNothing() {
        int before = jotrs.bean(DSLContext.class).fetchCount(org.jotrs.platform.db.schema.Tables.TICKET);
        Map<String, String> fields = phoneTicket("");
        fields.put("customerUser", "nobody");
        fields.put("state", "pending reminder");
        HttpResponse<String> response = root.submit("/tickets/new", "/tickets/new", fields);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("Enter a title.")
                .contains("There is no valid customer user “nobody”.")
                .contains("A pending state needs the date and time to wait until.")
                .contains("Nothing gets through since 8:00.");
        assertThat(jotrs.bean(DSLContext.class).fetchCount(org.jotrs.platform.db.schema.Tables.TICKET)).isEqualTo(before);
    }

    @Test
    void aCustomerOutsideTheDirectoryIsKeptByMailAddressAsOtrsDoes() {
        DSLContext db = jotrs.bean(DSLContext.class);
        Map<String, String> fields = phoneTicket("Walk-in caller");
        fields.put("customerUser", " Walker@Example.com ");
        HttpResponse<String> created = root.submit("/tickets/new", "/tickets/new", fields);
        assertThat(created.statusCode()).isEqualTo(302);
        long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceFirst(".*/", ""));
        var ticket = db.selectFrom(TICKET).where(TICKET.ID.eq(id)).fetchSingle();
        assertThat(ticket.getCustomerUserId()).isEqualTo("walker@example.com");
        assertThat(ticket.getCustomerId()).isEqualTo("walker@example.com");
        assertThat(db.fetchValue("SELECT a_from FROM article_data_mime m JOIN article a ON a.id = m.article_id"
                + " WHERE a.ticket_id = ?", id)).isEqualTo("walker@example.com");
        assertThat(db.fetchCount(db.selectFrom("customer_user").where("login = ?", "walker@example.com")))
                .as("no customer user is made").isZero();
        HttpResponse<String> zoom = root.get("/tickets/" + id);
        assertThat(zoom.statusCode()).isEqualTo(200);
        assertThat(zoom.body()).contains("Walk-in caller").contains("walker@example.com");

        // The email ticket writes to the address.
        fields.put("title", "Your walk-in order");
        fields.put("to", "");
        fields.put("cc", "");
        HttpResponse<String> mailed = root.submit("/tickets/new/email", "/tickets/new/email", fields);
        assertThat(mailed.statusCode()).isEqualTo(302);
        long mailId = Long.parseLong(mailed.headers().firstValue("Location").orElseThrow().replaceFirst(".*/", ""));
        assertThat(db.fetchValue("SELECT a_to FROM article_data_mime m JOIN article a ON a.id = m.article_id"
                + " WHERE a.ticket_id = ?", mailId)).isEqualTo("walker@example.com");

        // Neither a customer user nor one mail address: refused, nothing written.
        int before = db.fetchCount(TICKET);
        fields.put("customerUser", "walker at example");
        HttpResponse<String> refused = root.submit("/tickets/new", "/tickets/new", fields);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("There is no valid customer user “walker at example”.");
        assertThat(db.fetchCount(TICKET)).isEqualTo(before);
    }

    @Test
    void refusalsSpeakTheAgentsLanguage() {
        DSLContext db = jotrs.bean(DSLContext.class);
        int anna = Agents.agent(db, "anna", "Anna", "Albrecht");
        Agents.grant(db, anna, 1, "rw");
        db.execute("INSERT INTO user_preferences (user_id, preferences_key, preferences_value) VALUES (?, 'UserLanguage', 'de')",
                anna);
        AgentHttp german = jotrs.agent();
        german.signIn("anna", Agents.passwordOf("anna"));
        int before = db.fetchCount(TICKET);
        Map<String, String> fields = phoneTicket("");
        fields.put("customerUser", "nobody");
        fields.put("state", "pending reminder");
        HttpResponse<String> response = german.submit("/tickets/new", "/tickets/new", fields);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("lang=\"de\"").contains("Geben Sie einen Titel ein.")
                .contains("Es gibt keinen gültigen Kundenbenutzer „nobody“.")
                .contains("Ein wartender Status braucht Datum und Uhrzeit, bis wann gewartet wird.")
                .doesNotContain("Enter a title.");
        assertThat(db.fetchCount(TICKET)).isEqualTo(before);
    }

    @Test
    void emailTicketFormQueuesTheMail() {
        Map<String, String> fields = phoneTicket("Your order shipped");
        fields.put("to", "");
        fields.put("cc", "");
        HttpResponse<String> created = root.submit("/tickets/new/email", "/tickets/new/email", fields);
        assertThat(created.statusCode()).isEqualTo(302);
        String zoom = root.get(created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
        assertThat(zoom).contains("Your order shipped").contains("EmailAgent").contains(">Email<");
        fields.put("cc", "broken@");
        HttpResponse<String> refused = root.submit("/tickets/new/email", "/tickets/new/email", fields);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("is not a valid mail address").contains("New email ticket");
    }

    @Test
    void customerSuggestionsMatchPrefixes() {
        assertThat(root.get("/customers/suggestions?customerUser=car").body()).contains("value=\"carla\"");
        assertThat(root.get("/customers/suggestions?customerUser=acme").body()).doesNotContain("carla");
    }

    @Test
    void agentsWithoutPermissionAreRefused() {
        HttpResponse<String> created = root.submit("/tickets/new", "/tickets/new", phoneTicket("Secret"));
        String zoomPath = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");

        AgentHttp outsider = jotrs.agent();
        outsider.signIn("outsider", "outsider-pw");
        HttpResponse<String> zoom = outsider.get(zoomPath);
        // As if it did not exist: no ticket and no queue name is confirmed (issue 10, item 3).
        assertThat(zoom.statusCode()).isEqualTo(404);
        // The 404 page has the navigation, whose search box shows the example "queue:Raw" to everyone.
        assertThat(zoom.body().replace("queue:Raw", "")).contains("There is no ticket").doesNotContain("Raw");
        assertThat(outsider.get("/queues?queue=2").statusCode()).isEqualTo(403);
        assertThat(outsider.get("/queues").body()).doesNotContain("Secret");
        assertThat(outsider.get("/tickets/new").body()).contains("You may not create tickets in any queue.");
        int before = jotrs.bean(DSLContext.class).fetchCount(org.jotrs.platform.db.schema.Tables.TICKET);
        HttpResponse<String> sneaky = outsider.submit("/queues", "/tickets/new", phoneTicket("Sneaky"));
        assertThat(sneaky.statusCode()).isEqualTo(422);
        assertThat(sneaky.body()).doesNotContain("in queue Raw");
        assertThat(jotrs.bean(DSLContext.class).fetchCount(org.jotrs.platform.db.schema.Tables.TICKET)).isEqualTo(before);
        assertThat(root.get("/tickets/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void pendingTimesAreEnteredAndShownInTheAgentsTimeZone() {
        DSLContext db = jotrs.bean(DSLContext.class);
        int tokyoId = Agents.agent(db, "tokyo", "To", "Kyo");
        Agents.grant(db, tokyoId, 1, "rw");
        AgentHttp tokyo = jotrs.agent();
        tokyo.signIn("tokyo", Agents.passwordOf("tokyo"));
        assertThat(tokyo.submit("/preferences", "/preferences",
                Map.of("language", "en", "timeZone", "Asia/Tokyo", "theme", "light")).statusCode()).isEqualTo(302);

        Map<String, String> fields = phoneTicket("Call back after the holidays");
        fields.put("state", "pending reminder");
        fields.put("pendingUntil", "2031-03-01T10:00");
        HttpResponse<String> created = tokyo.submit("/tickets/new", "/tickets/new", fields);
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        long ticketId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        assertThat(db.select(TICKET.UNTIL_TIME).from(TICKET).where(TICKET.ID.eq(ticketId)).fetchSingle().value1())
                .as("10:00 in Tokyo, stored as the instant it is")
                .isEqualTo((int) LocalDateTime.of(2031, 3, 1, 10, 0).atZone(ZoneId.of("Asia/Tokyo")).toEpochSecond());
        assertThat(tokyo.get("/tickets/" + ticketId).body()).contains("<dt>Pending until</dt><dd>2031-03-01 10:00</dd>");
    }

    @Test
    void aCustomerUserIsMadeFromTheFormAndTheTicketContinuesWithIt() {
        DSLContext db = jotrs.bean(DSLContext.class);
        int tickets = db.fetchCount(TICKET);

        // A ticket for someone nobody knows is refused and opens the panel with what was typed.
        Map<String, String> fields = phoneTicket("Broken printer");
        fields.put("customerUser", "dora");
        HttpResponse<String> unknown = root.submit("/tickets/new", "/tickets/new", fields);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("<details class=\"new-customer\" open")
                .containsPattern("id=\"newLogin\"[^>]*value=\"dora\"");

        // Refused fields write nothing: neither the company nor the customer user.
        fields.putAll(Map.of("newLogin", "dora", "newFirstName", "Dora", "newLastName", "", "newEmail", "dora at example",
                "newCustomerId", "DORACO", "newCompanyName", "Acme Inc."));
        HttpResponse<String> refused = root.submit("/tickets/new", "/tickets/new/customer?kind=phone", fields);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("The customer user was not created. Please correct the marked fields.")
                .contains("Enter the last name.").contains("is not a valid mail address.")
                .contains("There is already a company named") // the company's refusal beside the user's
                .contains("value=\"Broken printer\"").contains("Nothing gets through since 8:00.");
        assertThat(db.fetchCount(db.selectFrom("customer_company").where("customer_id = ?", "DORACO"))).isZero();
        assertThat(db.fetchCount(db.selectFrom("customer_user").where("login = ?", "dora"))).isZero();

        // A refused user rolls back the company made in the same step.
        fields.putAll(Map.of("newLastName", "Explorer", "newEmail", "dora at example", "newCompanyName", "Dora & Co."));
        assertThat(root.submit("/tickets/new", "/tickets/new/customer?kind=phone", fields).statusCode()).isEqualTo(422);
        assertThat(db.fetchCount(db.selectFrom("customer_company").where("customer_id = ?", "DORACO")))
                .as("no company without its customer user").isZero();

        // Made, with the new company: the form comes back as typed, the new customer user chosen.
        fields.put("newEmail", "dora@example.com");
        HttpResponse<String> made = root.submit("/tickets/new", "/tickets/new/customer?kind=phone", fields);
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.body()).contains("Customer user dora created and chosen for this ticket.")
                .containsPattern("id=\"customerUser\"[^>]*value=\"dora\"")
                .contains("value=\"Broken printer\"").contains("Nothing gets through since 8:00.");
        var dora = db.fetchSingle("SELECT first_name, last_name, email, customer_id, create_by FROM customer_user WHERE login = ?", "dora");
        assertThat(dora.intoArray()).containsExactly("Dora", "Explorer", "dora@example.com", "DORACO", 1);
        assertThat(db.fetchValue("SELECT name FROM customer_company WHERE customer_id = ?", "DORACO")).isEqualTo("Dora & Co.");
        assertThat(db.fetchCount(TICKET)).as("no ticket yet").isEqualTo(tickets);

        // The ticket goes on with her.
        fields.put("customerUser", "dora");
        HttpResponse<String> created = root.submit("/tickets/new", "/tickets/new", fields);
        assertThat(created.statusCode()).isEqualTo(302);
        long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceFirst(".*/", ""));
        var ticket = db.selectFrom(TICKET).where(TICKET.ID.eq(id)).fetchSingle();
        assertThat(ticket.getCustomerUserId()).isEqualTo("dora");
        assertThat(ticket.getCustomerId()).isEqualTo("DORACO");

        // An existing company is chosen by its customer id; the email form comes back as the email form.
        Map<String, String> mail = phoneTicket("Your order");
        mail.putAll(Map.of("to", "", "cc", "", "customerUser", "ed@example.com", "newLogin", "ed", "newFirstName", "Ed",
                "newLastName", "Edison", "newEmail", "ed@example.com", "newCustomerId", "acme", "newCompanyName", ""));
        HttpResponse<String> mailForm = root.submit("/tickets/new/email", "/tickets/new/customer?kind=email", mail);
        assertThat(mailForm.statusCode()).isEqualTo(200);
        assertThat(mailForm.body()).contains("action=\"/tickets/new/email\"").contains("Customer user ed created");
        assertThat(db.fetchValue("SELECT customer_id FROM customer_user WHERE login = ?", "ed")).isEqualTo("ACME");
    }

    @Test
    void onlyAgentsWhoAdministerCustomerUsersMakeThemFromTheForm() {
        DSLContext db = jotrs.bean(DSLContext.class);
        int agentId = Agents.anAgent("writer").named("Wri", "Ter").password("writer-pw").in(db);
        Agents.grant(db, agentId, 1, "rw"); // users: may create tickets in Raw
        AgentHttp writer = jotrs.agent();
        writer.signIn("writer", "writer-pw");
        HttpResponse<String> form = writer.get("/tickets/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"customerUser\"").doesNotContain("new-customer");

        Map<String, String> fields = phoneTicket("Sneaky");
        fields.putAll(Map.of("newLogin", "sneaky", "newFirstName", "S", "newLastName", "Neaky", "newEmail",
                "sneaky@example.com", "newCustomerId", "ACME", "newCompanyName", ""));
        HttpResponse<String> refused = writer.submit("/tickets/new", "/tickets/new/customer?kind=phone", fields);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(db.fetchCount(db.selectFrom("customer_user").where("login = ?", "sneaky"))).isZero();
    }

    private static Map<String, String> phoneTicket(String title) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("customerUser", "carla");
        fields.put("queueId", "2");
        fields.put("title", title);
        fields.put("body", "Nothing gets through since 8:00.");
        fields.put("priority", "3 normal");
        fields.put("state", "open");
        fields.put("pendingUntil", "");
        return fields;
    }
}
