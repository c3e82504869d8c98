package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.TICKET_HISTORY;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ticket lists (views, filters, sorting, pages, permissions) and bulk actions over HTTP. */
class TicketListPagesTest {

    private static final int ROOT = 1;

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static AgentHttp root;
    private static DSLContext db;
    private static TicketService tickets;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        jotrs = RunningJotrs.start(database);
        root = jotrs.agent();
        root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
        db = jotrs.bean(DSLContext.class);
        tickets = jotrs.bean(TicketService.class);
        TicketWorkflowTest.customer(db, "carla", "carla@example.com", "ACME");
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    private static long create(String title, int queueId, String priority) {
        return tickets.createPhoneTicket(ROOT, new NewPhoneTicket(queueId, "carla", title, "Body.", priority, null, null))
                .ticketId();
    }

    @Test
    void viewsFilterSortAndPage() {
        long alpha = create("Alpha list ticket", 2, "1 very low");
        long beta = create("Beta list ticket", 4, "5 very high");
        long closed = create("Closed list ticket", 2, null);
        tickets.apply(ROOT, closed, new TicketAction.ChangeState("closed successful", null));
        tickets.apply(ROOT, beta, new TicketAction.Lock());
        tickets.apply(ROOT, alpha, new TicketAction.Watch());

        String status = root.get("/tickets").body();
        assertThat(status).contains("Alpha list ticket").contains("Beta list ticket").doesNotContain("Closed list ticket");
        assertThat(root.get("/tickets?states=CLOSED").body()).contains("Closed list ticket").doesNotContain("Alpha list ticket");
        assertThat(root.get("/tickets?states=ALL&priority=5+very+high").body()).contains("Beta list ticket")
                .doesNotContain("Alpha list ticket");
        assertThat(root.get("/queues?queue=4").body()).contains("Beta list ticket").doesNotContain("Alpha list ticket");
        assertThat(root.get("/tickets/locked").body()).contains("Beta list ticket").doesNotContain("Alpha list ticket");
        assertThat(root.get("/tickets/watched").body()).contains("Alpha list ticket").doesNotContain("Beta list ticket");
        assertThat(root.get("/tickets/responsible").body()).contains("Alpha list ticket");
        assertThat(root.get("/tickets?age=OLDER_THAN_30_DAYS").body()).doesNotContain("Alpha list ticket");

        String byTitleDesc = root.get("/tickets?sort=TITLE&dir=desc").body();
        assertThat(byTitleDesc.indexOf("Beta list ticket")).isLessThan(byTitleDesc.indexOf("Alpha list ticket"));
        assertThat(byTitleDesc).contains("aria-sort=\"descending\"");
        String byTitle = root.get("/tickets?sort=TITLE").body();
        assertThat(byTitle.indexOf("Alpha list ticket")).isLessThan(byTitle.indexOf("Beta list ticket"));

        for (int i = 0; i < 26; i++) {
            create("Paged ticket " + i, 3, null);
        }
        String first = root.get("/tickets?queue=3").body();
        assertThat(first).contains("Page 1 of 2").contains("Paged ticket 0").doesNotContain("Paged ticket 25<");
        assertThat(root.get("/tickets?queue=3&page=1").body()).contains("Page 2 of 2").contains("Paged ticket 25<");
        assertThat(root.get("/tickets?queue=3&page=99").body()).contains("Page 2 of 2");
    }

    @Test
    void bulkClosesTheSelectionAndReportsRefusals() {
        long one = create("Bulk one", 2, null);
        long two = create("Bulk two", 2, null);
        long other = create("Bulk untouched", 2, null);
        HttpResponse<String> done = root.submitAll("/tickets", "/tickets/bulk", List.of(Map.entry("ticketId", "" + one),
                Map.entry("ticketId", "" + two), Map.entry("state", "closed successful"), Map.entry("priority", "4 high"),
                Map.entry("noteSubject", "Bulk"), Map.entry("noteBody", "Closed together."), Map.entry("back", "/tickets")));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(root.get("/tickets").body()).contains("Changed 2 of 2 tickets.");
        for (long id : List.of(one, two)) {
            TicketDetails ticket = tickets.details(ROOT, id);
            assertThat(ticket.state()).isEqualTo("closed successful");
            assertThat(ticket.priority()).isEqualTo("4 high");
            assertThat(ticket.articles()).last().satisfies(a -> assertThat(a.body()).isEqualTo("Closed together."));
        }
        assertThat(tickets.details(ROOT, other).state()).isEqualTo("open");

        // Input no ticket could take changes nothing at all.
        int history = db.fetchCount(TICKET_HISTORY);
        root.submitAll("/tickets", "/tickets/bulk", List.of(Map.entry("ticketId", "" + other),
                Map.entry("state", "pending reminder"), Map.entry("priority", "1 very low")));
        assertThat(root.get("/tickets").body()).contains("Nothing was changed").contains("pending state needs");
        assertThat(db.fetchCount(TICKET_HISTORY)).isEqualTo(history);
        root.submitAll("/tickets", "/tickets/bulk", List.of(Map.entry("state", "closed successful")));
        assertThat(root.get("/tickets").body()).contains("Select at least one ticket.");

        // A ticket locked by someone else is reported and left alone; the rest are changed.
        int agent = Agents.anAgent("bulkagent").named("Bulk", "Agent").password("bulk-pw").in(db);
        for (String permission : List.of("ro", "note", "priority", "owner")) {
            Agents.grant(db, agent, 1, permission);
        }
        long free = create("Bulk free", 2, null);
        long taken = create("Bulk taken", 2, null);
        tickets.apply(ROOT, taken, new TicketAction.Lock());
        AgentHttp bulkAgent = jotrs.agent();
        bulkAgent.signIn("bulkagent", "bulk-pw");
        bulkAgent.submitAll("/tickets", "/tickets/bulk", List.of(Map.entry("ticketId", "" + free),
                Map.entry("ticketId", "" + taken), Map.entry("priority", "2 low")));
        String report = bulkAgent.get("/tickets").body();
        assertThat(report).contains("Changed 1 of 2 tickets.").contains("locked by root@localhost");
        assertThat(tickets.details(ROOT, free).priority()).isEqualTo("2 low");
        assertThat(tickets.details(ROOT, taken).priority()).isEqualTo("3 normal");
    }

    @Test
    void bulkMergeKeepsTheTarget() {
        long target = create("Merge target", 2, null);
        List<Long> sources = new ArrayList<>(List.of(create("Merge source a", 2, null), create("Merge source b", 2, null)));
        String number = db.select(TICKET.TN).from(TICKET).where(TICKET.ID.eq(target)).fetchSingle().value1();
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("ticketId", "" + target));
        sources.forEach(id -> form.add(Map.entry("ticketId", "" + id)));
        form.add(Map.entry("mergeInto", number));
        root.submitAll("/tickets", "/tickets/bulk", form);
        assertThat(root.get("/tickets").body()).contains("Changed 3 of 3 tickets.");
        assertThat(tickets.details(ROOT, target).state()).isEqualTo("open");
        assertThat(tickets.details(ROOT, target).articles()).hasSize(3);
        sources.forEach(id -> assertThat(tickets.details(ROOT, id).state()).isEqualTo("merged"));
    }
}
