package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.jotrs.access.PasswordHashing;
import org.jotrs.api.ApiTokens;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.Page;
import org.jotrs.portal.CustomerTickets;
import org.jotrs.portal.PortalTicketQuery;
import org.jotrs.portal.PortalTicketRow;
import org.jotrs.portal.SignedInCustomer;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.Agents;
import org.jotrs.testing.AppPerDatabase;
import org.jotrs.testing.Customers;
import org.jotrs.testing.Groups;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.PortalCustomers;
import org.jotrs.testing.RunningJotrs;
import org.junit.jupiter.api.AfterAll;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one customer rule ({@link CustomerTicketAccess}) as its callers apply it, on all three
 * databases with customer group support on: the portal (lists and ticket view), the
 * GenericInterface (TicketSearch and TicketGet as the customer user) and {@code /api/v1} with the
 * customer user's token (lists and ticket by id) see exactly the same tickets
 * of a set that covers every clause: the customer's own, their company's, a further company's
 * ({@code customer_user_customer}), one in a queue their company holds {@code ro} on
 * ({@code group_customer}); not another company's, not their own in a queue of a group they hold
 * nothing on, not a merged one.
 */
class CustomerTicketAccessTest {

    private static final int MISC = 4;
    private static final int USERS_GROUP = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GI = "/otrs/nph-genericinterface.pl/Webservice/GenericTicketConnectorREST";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final AppPerDatabase APPS = new AppPerDatabase("--jotrs.customer.group-support=true");

    @AfterAll
    static void stop() {
        APPS.close();
    }

    @OnEveryDatabase
    void thePortalTheGenericInterfaceAndTheApiSeeTheSameTickets(DatabaseKind kind) throws Exception {
        RunningJotrs jotrs = APPS.on(kind);
        DSLContext db = jotrs.bean(DSLContext.class);
        TicketService tickets = jotrs.bean(TicketService.class);
        String hash = jotrs.bean(PasswordHashing.class).hash("vera-secret");
        Customers.aCustomerUser("vera").ofCompany("VERA-CO").storedPassword(hash).in(db);
        Customers.aCustomerUser("vic").ofCompany("VERA-CO").in(db);
        Customers.aCustomerUser("xena").ofCompany("EXTRA-CO").in(db);
        Customers.aCustomerUser("olga").ofCompany("OTHER-CO").in(db);
        db.execute("INSERT INTO customer_user_customer (user_id, customer_id, create_time, create_by, change_time, change_by)"
                + " VALUES ('vera', 'EXTRA-CO', CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)");
        // Vera holds ro and rw on the group users herself; her company ro on the group partners.
        for (String key : new String[] {"ro", "rw"}) {
            db.execute("INSERT INTO group_customer_user (user_id, group_id, permission_key, permission_value, create_time,"
                    + " create_by, change_time, change_by) VALUES ('vera', ?, ?, 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)",
                    USERS_GROUP, key);
        }
        int partners = Groups.group(db, "partners");
        db.execute("INSERT INTO group_customer (customer_id, group_id, permission_key, permission_value, permission_context,"
                + " create_time, create_by, change_time, change_by) VALUES ('VERA-CO', ?, 'ro', 1, 'Ticket::CustomerID::Same',"
                + " CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)", partners);
        int hidden = Groups.group(db, "hidden");
        int partnerQueue = Agents.queue(db, "Partners", partners);
        int hiddenQueue = Agents.queue(db, "Hidden", hidden);
        Agents.grant(db, 1, partners, "rw");
        Agents.grant(db, 1, hidden, "rw");

        Map<String, Long> made = new LinkedHashMap<>();
        made.put("own", ticket(tickets, MISC, "vera"));
        made.put("company", ticket(tickets, MISC, "vic"));
        made.put("extra company", ticket(tickets, MISC, "xena"));
        made.put("company's group", ticket(tickets, partnerQueue, "vic"));
        made.put("other company", ticket(tickets, MISC, "olga"));
        made.put("forbidden queue", ticket(tickets, hiddenQueue, "vera"));
        long merged = ticket(tickets, MISC, "vera");
        tickets.apply(1, merged, new TicketAction.MergeInto(
                db.fetchValue("SELECT tn FROM ticket WHERE id = ?", made.get("own")).toString()));
        made.put("merged", merged);
        Set<Long> expected = Set.of(made.get("own"), made.get("company"), made.get("extra company"), made.get("company's group"));

        CustomerTicketAccess rule = jotrs.bean(CustomerTicketAccess.class);
        Set<Long> byRule = new TreeSet<>();
        made.values().stream().filter(id -> rule.canSee("vera", id)).forEach(byRule::add);
        assertThat(byRule).as("the rule, of %s", made).isEqualTo(new TreeSet<>(expected));

        assertThat(portalSees(jotrs, db, made)).as("the portal, of %s", made).isEqualTo(byRule);
        assertThat(genericInterfaceSees(jotrs, made)).as("the GenericInterface, of %s", made).isEqualTo(byRule);
        assertThat(restApiSees(jotrs, made)).as("/api/v1 with her token, of %s", made).isEqualTo(byRule);
        // Creating: in the group vera holds rw on, not in the one her company only reads.
        assertThat(rule.mayCreateIn("vera", USERS_GROUP)).isTrue();
        assertThat(rule.mayCreateIn("vera", partners)).isFalse();
    }

    private static long ticket(TicketService tickets, int queue, String customer) {
        return tickets.createPhoneTicket(1, new NewPhoneTicket(queue, customer, "Ticket of " + customer, "Body", null, null, null))
                .ticketId();
    }

    /** The portal's lists (mine and company's) and its ticket page for every ticket. */
    private static Set<Long> portalSees(RunningJotrs jotrs, DSLContext db, Map<String, Long> made) {
        CustomerTickets portal = jotrs.bean(CustomerTickets.class);
        SignedInCustomer vera = new SignedInCustomer("vera", "VERA-CO", "Vera Customer", "vera@example.com");
        Set<String> listed = new TreeSet<>();
        for (PortalTicketQuery.Scope scope : PortalTicketQuery.Scope.values()) {
            Page<PortalTicketRow> page = portal.list(vera, new PortalTicketQuery(scope, PortalTicketQuery.Status.ALL, "",
                    PortalTicketQuery.Sort.NUMBER, false, 0));
            page.rows().forEach(row -> listed.add(row.number()));
        }
        AgentHttp http = PortalCustomers.signedIn(jotrs, "vera", "vera-secret");
        Set<Long> seen = new TreeSet<>();
        Set<Long> listedIds = new TreeSet<>();
        for (long id : made.values()) {
            String number = db.fetchValue("SELECT tn FROM ticket WHERE id = ?", id).toString();
            int status = http.get("/customer/tickets/" + number).statusCode();
            assertThat(status).as("portal page of ticket %d", id).isIn(200, 404);
            if (status == 200) {
                seen.add(id);
            }
            if (listed.contains(number)) {
                listedIds.add(id);
            }
        }
        assertThat(listedIds).as("the portal's lists against its ticket pages").isEqualTo(seen);
        return seen;
    }

    /** TicketSearch and TicketGet as the customer user. */
    private static Set<Long> genericInterfaceSees(RunningJotrs jotrs, Map<String, Long> made) throws Exception {
        // By SessionID: TicketSearch reads a CustomerUserLogin parameter as its filter too (as OTRS does).
        HttpResponse<String> session = HTTP.send(HttpRequest.newBuilder(URI.create(jotrs.baseUrl() + GI + "/Session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"CustomerUserLogin\":\"vera\",\"Password\":\"vera-secret\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> vera = Map.of("SessionID", JSON.readTree(session.body()).get("SessionID").asString());
        Set<Long> searched = new TreeSet<>();
        JsonNode found = gi(jotrs, "/Ticket", vera).get("TicketID");
        if (found != null) {
            found.forEach(id -> searched.add(Long.parseLong(id.asString())));
        }
        Set<Long> got = new TreeSet<>();
        for (long id : made.values()) {
            JsonNode answer = gi(jotrs, "/Ticket/" + id, vera);
            if (answer.has("Ticket")) {
                got.add(id);
            } else {
                assertThat(answer.get("Error").get("ErrorCode").asString()).isEqualTo("TicketGet.AccessDenied");
            }
        }
        assertThat(searched).as("TicketSearch against TicketGet").isEqualTo(got);
        return got;
    }

    /** {@code /api/v1} with a customer user's token: both lists, and each ticket by id. */
    private static Set<Long> restApiSees(RunningJotrs jotrs, Map<String, Long> made) throws Exception {
        String token = jotrs.bean(ApiTokens.class).createForCustomer("vera", "agreement", "read", null).secret();
        Set<Long> listed = new TreeSet<>();
        for (String scope : new String[] {"mine", "company"}) {
            HttpResponse<String> list = api(jotrs, token, "/api/v1/tickets?status=all&scope=" + scope);
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            JSON.readTree(list.body()).get("items").forEach(row -> listed.add(row.get("id").asLong()));
        }
        Set<Long> got = new TreeSet<>();
        for (long id : made.values()) {
            HttpResponse<String> ticket = api(jotrs, token, "/api/v1/tickets/" + id);
            assertThat(ticket.statusCode()).as("ticket %d: %s", id, ticket.body()).isIn(200, 404);
            if (ticket.statusCode() == 200) {
                got.add(id);
            }
        }
        assertThat(listed).as("the API's lists against its tickets").isEqualTo(got);
        return got;
    }

    private static HttpResponse<String> api(RunningJotrs jotrs, String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(jotrs.baseUrl() + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode gi(RunningJotrs jotrs, String route, Map<String, String> query) throws Exception {
        StringBuilder url = new StringBuilder(jotrs.baseUrl()).append(GI).append(route).append('?');
        query.forEach((key, value) -> url.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                .append('&'));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url.toString())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
