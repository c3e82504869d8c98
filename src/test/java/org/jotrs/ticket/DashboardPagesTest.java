package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.Agents;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard as the home page (the agent's ticket widgets, open tickets per state and queue for
 * the charts, widgets hidden and shown again from the preference) and the navigation's counts.
 */
class DashboardPagesTest {

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
        Agents.customerCarla(db);
        TicketService tickets = jotrs.bean(TicketService.class);
        tickets.createPhoneTicket(1, new NewPhoneTicket(2, "carla", "Fresh request", "New one.", null, "new", null));
        long locked = tickets.createPhoneTicket(1,
                new NewPhoneTicket(2, "carla", "Mine to solve", "Locked one.", null, "open", null)).ticketId();
        tickets.apply(1, locked, new TicketAction.Lock());
        tickets.apply(1, locked, new TicketAction.Watch());
        // A colleague's note makes it unread for its owner (OTRS's Seen flag is removed for others).
        int bob = Agents.agent(db, "bob", "Bob", "Baker");
        Agents.grant(db, bob, 1, "rw");
        tickets.apply(bob, locked, new TicketAction.AddNote("Hint", "Try the spare toner.", false));
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    @Test
    void theNavigationCountsNewLockedUnreadAndWatched() {
        String counts = root.get("/tickets/counts").body();
        assertThat(counts).contains("id=\"nav-counts\"").contains("New tickets: 1")
                .contains("Locked by me: 1, unread: 1").contains("Watched tickets: 1");
        assertThat(root.get("/").body()).contains("hx-get=\"/tickets/counts\"");
    }

    @Test
    void theDashboardShowsTheAgentsTicketsAndChartData() {
        String home = root.get("/").body();
        assertThat(home).contains("Welcome, Admin OTRS").contains("<td>admin</td>")
                .contains("id=\"widget-locked\"").contains("Mine to solve")
                .contains("id=\"widget-new\"").contains("Fresh request")
                .contains("data-chart=\"states\"").contains("data-chart=\"queues\"")
                .contains("/webjars/uplot/dist/uPlot.iife.min.js");
        assertThat(root.get("/webjars/uplot/dist/uPlot.iife.min.js").statusCode()).isEqualTo(200);
        // The chart data is JSON inside an escaped attribute.
        assertThat(home).containsPattern("data-labels=\"\\[[^\"]*&#34;Raw&#34;");
    }

    @Test
    void widgetsCanBeHiddenAndShownAgain() {
        HttpResponse<String> hidden = root.submit("/", "/dashboard/widgets", Map.of("widget", "states", "action", "hide"));
        assertThat(hidden.statusCode()).isEqualTo(302);
        String home = root.get("/").body();
        assertThat(home).doesNotContain("data-chart=\"states\"").contains("Show Open tickets per state");
        assertThat(root.submit("/", "/dashboard/widgets", Map.of("widget", "states", "action", "show")).statusCode())
                .isEqualTo(302);
        assertThat(root.get("/").body()).contains("data-chart=\"states\"");

        HttpResponse<String> unknown = root.submit("/", "/dashboard/widgets", Map.of("widget", "<b>x</b>", "action", "hide"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("There is no dashboard widget “&lt;b&gt;x&lt;/b&gt;”.");
    }
}
