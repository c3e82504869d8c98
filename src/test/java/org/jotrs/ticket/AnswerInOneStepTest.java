package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.HashMap;
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
 * "Answer and close" in one submit: the reply, note and phone call forms carry the next state
 * (with its pending time), the next owner and the lock; a refused step sends and stores nothing.
 */
class AnswerInOneStepTest {

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
        Agents.customerCarla(db);
        bob = Agents.agent(db, "bob", "Bob", "Baker");
        Agents.grant(db, bob, 1, "rw");
        Agents.grant(db, bob, 1, "owner");
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
    void replyAndCloseIsOneSubmit() {
        long id = ticket("Password reset");
        String form = root.get("/tickets/" + id + "/reply").body();
        assertThat(form).contains("name=\"nextState\"").contains("name=\"nextOwnerId\"").contains("name=\"nextLock\"");
        int articles = db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(id));
        Map<String, String> fields = new HashMap<>(Map.of("to", "carla@example.com", "subject", "RE: Password reset",
                "body", "Done, you can sign in again.", "timeUnits", "0.25", "nextState", "closed successful",
                "nextLock", "unlock"));
        HttpResponse<String> sent = root.submitMultipart("/tickets/" + id + "/reply", "/tickets/" + id + "/reply",
                fields, java.util.List.of());
        assertThat(sent.statusCode()).isEqualTo(302);
        var row = db.selectFrom(TICKET).where(TICKET.ID.eq(id)).fetchSingle();
        assertThat(row.getTicketStateId()).isEqualTo((short) 2);
        assertThat(row.getTicketLockId()).isEqualTo((short) 1);
        assertThat(db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(id))).isEqualTo(articles + 1);
        assertThat(root.get("/tickets/" + id).body()).contains("Answer sent to carla@example.com.");
    }

    @Test
    void aRefusedNextStepStoresNoArticle() {
        long id = ticket("VPN slow");
        int articles = db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(id));
        HttpResponse<String> refused = root.submitMultipart("/tickets/" + id, "/tickets/" + id + "/note",
                Map.of("subject", "Note", "body", "Waiting for the logs.", "nextState", "pending reminder"),
                java.util.List.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("A pending state needs the date and time to wait until.")
                // what was chosen is still chosen
                .contains("<option value=\"pending reminder\" selected>pending reminder</option>");
        assertThat(db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(id))).isEqualTo(articles);

        String until = LocalDateTime.now().plusDays(2).withSecond(0).withNano(0).toString();
        HttpResponse<String> noted = root.submitMultipart("/tickets/" + id, "/tickets/" + id + "/note",
                Map.of("subject", "Note", "body", "Waiting for the logs.", "nextState", "pending reminder",
                        "nextPendingUntil", until, "nextOwnerId", Integer.toString(bob)), java.util.List.of());
        assertThat(noted.statusCode()).isEqualTo(302);
        var row = db.selectFrom(TICKET).where(TICKET.ID.eq(id)).fetchSingle();
        assertThat(row.getUserId()).isEqualTo(bob);
        assertThat(row.getTicketLockId()).isEqualTo((short) 2);
        assertThat(row.getUntilTime()).isPositive();
        assertThat(db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(id))).isEqualTo(articles + 1);

        HttpResponse<String> call = root.submit("/tickets/" + id, "/tickets/" + id + "/phone",
                Map.of("direction", "inbound", "subject", "Phone call", "body", "Logs sent.", "nextState", "open",
                        "nextLock", "sideways"));
        assertThat(call.statusCode()).isEqualTo(422);
        assertThat(db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(id))).isEqualTo(articles + 1);
    }
}
