package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.Agents;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.testing.OnEveryDatabase;

/**
 * The dense lists over HTTP on every database: the unread marker follows OTRS's "Seen" flags
 * (set by opening a ticket, cleared for others by a new article), and each agent's columns are
 * saved in their preferences, with unknown columns refused or skipped.
 */
class TicketListColumnsAndUnreadTest {

    private static final int ROOT = 1;

    @OnEveryDatabase
    void unreadMarkerAndColumns(DatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database)) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            TicketWorkflowTest.customer(db, "carla", "carla@example.com", "ACME");
            AgentHttp root = jotrs.agent();
            root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
            int bobId = Agents.agent(db, "bob", "Bob", "Berger");
            Agents.grant(db, bobId, 1, "rw");
            AgentHttp bob = jotrs.agent();
            bob.signIn("bob", Agents.passwordOf("bob"));

            long id = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(2, "carla", "Unread marker ticket", "Body.",
                    "5 very high", null, null)).ticketId();
            // As in OTRS, the agent who entered the call has read it; everyone else has not.
            assertThat(row(root.get("/tickets").body(), id)).doesNotContain("unread").contains("prio-5");
            assertThat(root.get("/tickets/" + id).statusCode()).isEqualTo(200);
            assertThat(row(root.get("/tickets").body(), id)).doesNotContain("unread");
            assertThat(root.get("/tickets/" + id).statusCode()).as("opening again writes nothing twice").isEqualTo(200);
            assertThat(db.fetchCount(db.selectFrom("ticket_flag").where("ticket_id = " + id))).isEqualTo(1);
            assertThat(db.fetchCount(db.selectFrom("article_flag").where("create_by = " + ROOT))).isEqualTo(1);
            assertThat(row(bob.get("/tickets").body(), id)).as("bob has not opened it").contains("unread");

            tickets.apply(bobId, id, new TicketAction.AddNote("Bob's note", "Checked.", false, null, List.of()));
            assertThat(row(root.get("/tickets").body(), id)).as("a new article is unread for root").contains("unread");
            assertThat(db.fetchCount(db.selectFrom("article_flag").where("create_by = " + bobId)))
                    .as("bob has read his own note, not yet the call").isEqualTo(1);
            assertThat(row(bob.get("/tickets").body(), id)).as("so the ticket is still unread for him").contains("unread");
            bob.get("/tickets/" + id);
            assertThat(row(bob.get("/tickets").body(), id)).doesNotContain("unread");
            root.get("/tickets/" + id);
            assertThat(db.fetchCount(db.selectFrom("article_flag").where("create_by = " + ROOT))).isEqualTo(2);

            String list = root.get("/tickets").body();
            assertThat(list).contains("class=\"col-age\"").contains(">0 min<");
            assertThat(root.submitAll("/tickets", "/tickets/columns", List.of(Map.entry("column", "NUMBER"),
                    Map.entry("column", "TITLE"), Map.entry("position_TITLE", "1"), Map.entry("position_NUMBER", "2"),
                    Map.entry("back", "/tickets"))).statusCode()).isEqualTo(302);
            String chosen = root.get("/tickets").body();
            assertThat(chosen.indexOf("class=\"col-title\"")).isPositive().isLessThan(chosen.indexOf("class=\"col-number\""));
            assertThat(chosen).doesNotContain("class=\"col-age\"");
            assertThat(preference(db)).isEqualTo("TITLE,NUMBER");

            root.submitAll("/tickets", "/tickets/columns", List.of(Map.entry("column", "<b>BOGUS</b>"),
                    Map.entry("column", "STATE"), Map.entry("back", "/tickets")));
            assertThat(root.get("/tickets").body()).contains("There is no column “&lt;b&gt;BOGUS&lt;/b&gt;”")
                    .doesNotContain("<b>BOGUS</b>");
            assertThat(preference(db)).as("nothing saved").isEqualTo("TITLE,NUMBER");

            db.execute("UPDATE user_preferences SET preferences_value = 'GONE,STATE' WHERE user_id = 1"
                    + " AND preferences_key = 'JotrsTicketListColumns'");
            String skipped = root.get("/tickets").body();
            assertThat(skipped).contains("class=\"col-state\"").doesNotContain("class=\"col-title\"").doesNotContain("GONE");
            db.execute("UPDATE user_preferences SET preferences_value = 'GONE' WHERE user_id = 1"
                    + " AND preferences_key = 'JotrsTicketListColumns'");
            assertThat(root.get("/tickets").body()).as("nothing usable: the default").contains("class=\"col-age\"").contains("class=\"col-title\"");
            assertThat(bob.get("/tickets").body()).as("columns are per agent").contains("class=\"col-age\"");
        }
    }

    /** The table row of the ticket. */
    private static String row(String page, long id) {
        int link = page.indexOf("name=\"ticketId\" value=\"" + id + "\"");
        assertThat(link).as("ticket %s listed", id).isPositive();
        return page.substring(page.lastIndexOf("<tr", link), page.indexOf("</tr>", link));
    }

    private static String preference(DSLContext db) {
        Object value = db.fetchValue("SELECT preferences_value FROM user_preferences WHERE user_id = 1"
                + " AND preferences_key = 'JotrsTicketListColumns'");
        // MariaDB's OTRS schema keeps preference values as LONGBLOB.
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : value.toString();
    }
}
