package org.jotrs.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.Agents;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The search pages over HTTP: quick search, advanced search, bad input, saved views, CSV, the index page. */
class SearchPagesTest {

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static AgentHttp root;
    private static DSLContext db;
    private static TicketService tickets;
    private static TicketSearch search;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        jotrs = RunningJotrs.start(database);
        root = jotrs.agent();
        root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
        db = jotrs.bean(DSLContext.class);
        tickets = jotrs.bean(TicketService.class);
        search = jotrs.bean(TicketSearch.class);
        Agents.customerCarla(db);
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void quickAndAdvancedSearchSavedViewsAndExport() {
        long ticket = TicketSearchTest.create(tickets, 2, "Flamingo <b>pink</b>", "The =flamingo= needs a new pond.");
        TicketSearchTest.await(() -> TicketSearchTest.ids(search, 1, "flamingo").contains(ticket), Duration.ofSeconds(10));
        String number = db.fetchSingle("SELECT tn FROM ticket WHERE id = ?", ticket).get(0, String.class);

        HttpResponse<String> quick = root.get("/search/quick?q=" + encoded("flamin"));
        assertThat(quick.statusCode()).isEqualTo(200);
        assertThat(quick.body()).contains("/tickets/" + ticket).contains("<mark>flamingo</mark>")
                .contains("Flamingo &lt;b&gt;pink&lt;/b&gt;").doesNotContain("<b>pink</b>");

        HttpResponse<String> jump = root.get("/search?q=" + number);
        assertThat(jump.statusCode()).isEqualTo(302);
        assertThat(jump.headers().firstValue("Location").orElseThrow()).endsWith("/tickets/" + ticket);

        String page = root.get("/search?q=flamingo&queue=2&sort=title&dir=desc").body();
        assertThat(page).contains(number).contains("Flamingo &lt;b&gt;pink&lt;/b&gt;");
        assertThat(root.get("/search?q=flamingo&queue=3").body()).doesNotContain("/tickets/" + ticket + "\"");

        HttpResponse<String> csv = root.get("/search/export.csv?q=flamingo");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("Ticket#,Title,Queue").contains(number).contains("Flamingo <b>pink</b>");

        HttpResponse<String> saved = root.submit("/search?q=flamingo", "/search/saved",
                Map.of("name", "Pink birds", "parameters", "q=flamingo&queue=2"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String views = root.get("/search/views").body();
        assertThat(views).contains("Pink birds").contains("<span class=\"count\">1</span>")
                .contains("/search?q=flamingo&amp;queue=2");
        assertThat(root.get("/").body()).contains("hx-get=\"/search/views\"").contains("hx-get=\"/search/quick\"");

        HttpResponse<String> unnamed = root.submit("/search?q=flamingo", "/search/saved", Map.of("name", " ",
                "parameters", "q=flamingo"));
        assertThat(unnamed.statusCode()).isEqualTo(422);
        assertThat(root.postForm("/search/saved", Map.of("name", "No token", "parameters", "q=x")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void badQueriesGetAMessageNotAnError() {
        HttpResponse<String> page = root.get("/search?q=" + encoded("*voice"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("only end a word");
        HttpResponse<String> quick = root.get("/search/quick?q=" + encoded("*"));
        assertThat(quick.statusCode()).isEqualTo(200);
        assertThat(quick.body()).contains("role=\"alert\"");
        assertThat(root.get("/search?q=x&created_from=yesterday").statusCode()).isEqualTo(400);
        assertThat(root.get("/search?q=x&sort=nonsense").statusCode()).isEqualTo(400);
        assertThat(root.get("/search?q=x&queue=abc").statusCode()).isEqualTo(400);
        assertThat(root.get("/search?q=x&page=100000").statusCode()).isEqualTo(400);
        assertThat(root.get("/search/export.csv?q=" + encoded("*")).statusCode()).isEqualTo(400);
    }

    @Test
    void theIndexPageIsForAdministrators() {
        HttpResponse<String> admin = root.get("/admin/search");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("search-index");
        assertThat(root.submit("/admin/search", "/admin/search/rebuild", Map.of()).statusCode()).isEqualTo(302);
        assertThat(root.get("/admin/search/progress").statusCode()).isEqualTo(200);

        Agents.agent(db, "search-pages-agent", "Plain", "Agent");
        AgentHttp plain = jotrs.agent();
        plain.signIn("search-pages-agent", Agents.passwordOf("search-pages-agent"));
        assertThat(plain.get("/admin/search").statusCode()).isEqualTo(403);
        assertThat(plain.get("/search?q=flamingo").statusCode()).isEqualTo(200);
        assertThat(plain.get("/search?q=flamingo").body()).doesNotContain("Flamingo").contains("No tickets match.");
    }
}
