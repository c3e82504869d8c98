package org.jotrs.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jooq.DSLContext;
import org.jotrs.access.PasswordHashing;
import org.jotrs.article.NewAttachment;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.Settings;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.AppPerDatabase;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.Customers;
import org.jotrs.testing.PortalCustomers;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.AfterAll;

/**
 * Isolation in the portal, on all three databases: a customer tries every ticket, article and file
 * of another customer and of another company, by ticket number and by ticket id, in every URL that
 * takes one (view, answer, close, download, HTML frame), and the internal notes of their own
 * ticket. Every attempt must get the 404 a ticket that does not exist gets, word for word, and
 * change nothing; the test counts the attempts and the leaks, and there must be none.
 */
class PortalIsolationTest {

    private static final int MISC = 4;
    private static final String SECRET = "ISOLATION-SECRET-7781";

    private static final AppPerDatabase APPS = new AppPerDatabase();

    @AfterAll
    static void stop() {
        APPS.close();
    }

    private record Foreign(long ticketId, String number, List<long[]> articleFiles) {
    }

    @OnEveryDatabase
    void aCustomerCannotSeeOrTouchAnotherCustomersTicketsAndLearnsNothingFromTrying(DatabaseKind kind) {
        RunningJotrs jotrs = APPS.on(kind);
        DSLContext db = jotrs.bean(DSLContext.class);
        TicketService tickets = jotrs.bean(TicketService.class);
        String hash = jotrs.bean(PasswordHashing.class).hash("isolated-pass");
        Customers.aCustomerUser("iris").ofCompany("IRIS-CO").email("iris@example.com").storedPassword(hash).in(db);
        Customers.aCustomerUser("ivan").ofCompany("IRIS-CO").email("ivan@example.com").storedPassword(hash).in(db);
        Customers.aCustomerUser("olga").ofCompany("OTHER-CO").email("olga@example.com").storedPassword(hash).in(db);
        Settings settings = jotrs.bean(Settings.class);
        settings.change(1, "portal.close-own-tickets", "true", settings.state(1, "portal.close-own-tickets").version());

        // Olga's ticket (another customer and company) and one whose customer is only Olga's company.
        List<Foreign> foreign = new ArrayList<>();
        foreign.add(ticketWithFiles(db, tickets, "olga", "Olga " + SECRET));
        Foreign companyTicket = ticketWithFiles(db, tickets, "olga", "Company " + SECRET);
        db.execute("UPDATE ticket SET customer_user_id = 'olaf', customer_id = 'OTHER-CO' WHERE id = ?", companyTicket.ticketId());
        foreign.add(companyTicket);
        // Iris's own ticket with an internal note and its file.
        long own = ticketWithFiles(db, tickets, "iris", "Iris own printer").ticketId();
        tickets.apply(1, own, new TicketAction.AddNote("Internal", "INTERNAL " + SECRET, false,
                List.of(new NewAttachment("internal.txt", "text/plain", SECRET.getBytes(StandardCharsets.UTF_8)))));
        String ownNumber = number(db, own);
        long internal = ((Number) db.fetchValue("SELECT id FROM article WHERE ticket_id = ? AND is_visible_for_customer = 0",
                own)).longValue();

        AgentHttp iris = PortalCustomers.signedIn(jotrs, "iris", "isolated-pass");
        String missingNumber = "99" + ownNumber;
        String missing = normalised(iris.get("/customer/tickets/" + missingNumber).body(), missingNumber);
        assertThat(iris.get("/customer/tickets/" + missingNumber).statusCode()).isEqualTo(404);
        assertThat(missing).contains("There is no such ticket.");

        int articlesBefore = db.fetchCount(db.selectFrom("article"));
        String statesBefore = db.fetch("SELECT id, ticket_state_id FROM ticket ORDER BY id").formatCSV();
        int[] attempts = {0};
        List<String> leaks = new ArrayList<>();
        java.util.function.BiConsumer<String, Supplier<HttpResponse<String>>> attempt = (what, request) -> {
            attempts[0]++;
            HttpResponse<String> response = request.get();
            if (response.statusCode() != 404) {
                leaks.add(what + " answered " + response.statusCode());
            } else if (response.body().contains(SECRET) || response.body().contains("Olga") || response.body().contains("olga@")) {
                leaks.add(what + " showed foreign text");
            }
        };
        for (Foreign ticket : foreign) {
            for (String reference : List.of(ticket.number(), Long.toString(ticket.ticketId()))) {
                String base = "/customer/tickets/" + reference;
                attempt.accept("view " + reference, () -> iris.get(base));
                attempt.accept("view with a query " + reference, () -> iris.get(base + "?done=answered"));
                attempt.accept("answer " + reference, () -> iris.submitMultipart("/customer/tickets/new", base + "/reply",
                        Map.of("body", "Let me in"), List.of()));
                attempt.accept("empty answer " + reference, () -> iris.submitMultipart("/customer/tickets/new", base + "/reply",
                        Map.of("body", ""), List.of()));
                attempt.accept("close " + reference, () -> iris.submit("/customer/tickets", base + "/close", Map.of()));
                for (long[] articleFile : ticket.articleFiles()) {
                    attempt.accept("file " + reference + "/" + articleFile[0], () -> asText(iris.getBytes(
                            base + "/articles/" + articleFile[0] + "/files/" + articleFile[1])));
                    attempt.accept("html " + reference + "/" + articleFile[0], () -> iris.get(base + "/articles/" + articleFile[0] + "/html"));
                    // A foreign article under the customer's own ticket number.
                    attempt.accept("own ticket, foreign file " + articleFile[0], () -> asText(iris.getBytes(
                            "/customer/tickets/" + ownNumber + "/articles/" + articleFile[0] + "/files/" + articleFile[1])));
                    attempt.accept("own ticket, foreign html " + articleFile[0], () -> iris.get(
                            "/customer/tickets/" + ownNumber + "/articles/" + articleFile[0] + "/html"));
                }
            }
            // The 404 says no more than the one for a ticket that does not exist.
            assertThat(normalised(iris.get("/customer/tickets/" + ticket.number()).body(), ticket.number())).isEqualTo(missing);
        }
        for (int file = 0; file <= 3; file++) {
            int fileId = file;
            attempt.accept("internal file " + fileId, () -> asText(iris.getBytes(
                    "/customer/tickets/" + ownNumber + "/articles/" + internal + "/files/" + fileId)));
        }
        attempt.accept("internal html", () -> iris.get("/customer/tickets/" + ownNumber + "/articles/" + internal + "/html"));

        assertThat(attempts[0]).isEqualTo(2 * 2 * (5 + 2 * 4) + 5);
        assertThat(leaks).as("leaks in %d attempts", attempts[0]).isEmpty();
        assertThat(db.fetchCount(db.selectFrom("article"))).isEqualTo(articlesBefore);
        assertThat(db.fetch("SELECT id, ticket_state_id FROM ticket ORDER BY id").formatCSV()).isEqualTo(statesBefore);

        // Nor do lists, searches or the own ticket's page show foreign tickets or internal notes.
        for (String page : List.of("/customer/tickets?status=all", "/customer/tickets/company?status=all",
                "/customer/tickets/" + ownNumber)) {
            assertThat(iris.get(page).body()).as(page).doesNotContain(SECRET).doesNotContain("internal.txt");
        }
        // A search for the secret finds nothing (the search box shows what was typed, nothing more).
        for (String page : List.of("/customer/tickets?status=all&q=" + SECRET, "/customer/tickets/company?status=all&q=" + SECRET)) {
            assertThat(iris.get(page).body()).as(page).contains("No tickets match.").doesNotContain("Olga " + SECRET)
                    .doesNotContain("Company " + SECRET).doesNotContain("INTERNAL " + SECRET);
        }
        assertThat(iris.get("/customer/tickets/" + ownNumber).body()).contains("Iris own printer");
        // Ivan, of Iris's company, sees her ticket among the company's, but Olga's still not.
        AgentHttp ivan = PortalCustomers.signedIn(jotrs, "ivan", "isolated-pass");
        assertThat(ivan.get("/customer/tickets/company?status=all").body()).contains("Iris own printer").doesNotContain(SECRET);
        assertThat(ivan.get("/customer/tickets/" + foreign.getFirst().number()).statusCode()).isEqualTo(404);
    }

    private static Foreign ticketWithFiles(DSLContext db, TicketService tickets, String customer, String title) {
        long id = tickets.createPhoneTicket(1, new NewPhoneTicket(MISC, customer, title, "Body of " + title, null, null, null))
                .ticketId();
        tickets.apply(1, id, new TicketAction.AddNote("Answer", "Visible answer about " + title, true,
                List.of(new NewAttachment("visible.txt", "text/plain", ("file of " + title).getBytes(StandardCharsets.UTF_8)))));
        List<long[]> files = new ArrayList<>();
        for (var row : db.fetch("SELECT id FROM article WHERE ticket_id = ? ORDER BY id", id)) {
            long article = ((Number) row.get(0)).longValue();
            files.add(new long[] {article, 1});
        }
        return new Foreign(id, number(db, id), files);
    }

    private static String number(DSLContext db, long ticketId) {
        return db.fetchValue("SELECT tn FROM ticket WHERE id = ?", ticketId).toString();
    }

    private static HttpResponse<String> asText(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return new HttpResponse<>() {
            public int statusCode() { return response.statusCode(); }
            public java.net.http.HttpRequest request() { return response.request(); }
            public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
            public java.net.http.HttpHeaders headers() { return response.headers(); }
            public String body() { return body; }
            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return response.sslSession(); }
            public java.net.URI uri() { return response.uri(); }
            public java.net.http.HttpClient.Version version() { return response.version(); }
        };
    }

    /** A page without its per-response CSRF tokens and with the requested number replaced. */
    private static String normalised(String html, String number) {
        return html.replaceAll("(name=\"_csrf\" value=\"|name=\"csrf-token\" content=\")[^\"]*", "$1").replace(number, "N");
    }
}
