package org.jotrs.observer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.jotrs.testing.OnEveryDatabase;

/**
 * SDK batches to incidents to tickets, end to end on every database: signals found once however
 * often a batch is sent, one ticket per incident past the threshold, recurrences noted on it,
 * closing the ticket resolves the incident, a recurrence in a new release reopens both; the
 * incident screens show it all, escaped.
 */
class IncidentPipelineTest {

    static final String ORIGIN = "https://shop.example.com";
    static final String PAY = "https://shop.example.com/checkout/1234";

    @OnEveryDatabase
    void strugglesBecomeIncidentsAndOneTicketEach(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs jotrs = RunningJotrs.start(database)) {
            ObservedSites sites = jotrs.bean(ObservedSites.class);
            SiteSettings settings = new SiteSettings("Shop", ORIGIN, 2, 2, 0, 3, 1000, 30, 2500, 1000, 5, ".chat-widget", 30);
            long siteId = sites.create(1, settings);
            String key = sites.issueKey(1, siteId).key();
            ObserverClient client = new ObserverClient(jotrs.baseUrl());
            long now = System.currentTimeMillis();

            // Four quick clicks on a button that does nothing: a rage click, and four dead clicks.
            // A click into the ignored chat widget and a double click that selects text count for nothing.
            List<String> events = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                events.add(ObserverClient.click(now - 9000 + i * 300, PAY, "button#pay", "Pay <b>now</b>", 100 + i, 200));
            }
            events.add(ObserverClient.click(now - 7000, PAY, "div.chat-widget > button", "Chat", 5, 5));
            events.add(ObserverClient.click(now - 6900, PAY, "p.terms", "Terms", 5, 5).replace("\"detail\":1", "\"detail\":2"));
            // A click that throws, then the same error five times: an error click and an error loop.
            events.add(ObserverClient.click(now - 6000, PAY, "button#coupon", "Apply coupon", 300, 200));
            for (int i = 0; i < 5; i++) {
                events.add(ObserverClient.error(now - 5950 + i * 100, PAY, "<img src=x onerror=alert(1)> is undefined at 42"));
            }
            events.add("{\"t\":" + (now - 100) + ",\"type\":\"visibility\",\"url\":\"" + PAY + "\",\"state\":\"hidden\"}");
            String session = "sess-" + UUID.randomUUID();
            String batch = ObserverClient.batch(session, now, events);
            assertThat(client.post(key, ORIGIN, batch).statusCode()).isEqualTo(202);
            assertThat(client.post(key, ORIGIN, batch).body()).as("a retried batch").contains("\"accepted\":0");

            awaitTrue(() -> count(database, "SELECT COUNT(*) FROM jotrs_observer_incident") == 4, Duration.ofSeconds(20));
            assertThat(occurrences(database, "rage_click")).isEqualTo(1);
            assertThat(occurrences(database, "dead_click")).isEqualTo(4);
            assertThat(occurrences(database, "error_click")).isEqualTo(1);
            assertThat(occurrences(database, "error_loop")).isEqualTo(1);

            // Past the threshold of 2: exactly one ticket, for the dead clicks; the others stay below it.
            awaitTrue(() -> ticketOf(database, "dead_click") != null, Duration.ofSeconds(10));
            long ticketId = ticketOf(database, "dead_click");
            assertThat(count(database, "SELECT COUNT(*) FROM ticket WHERE title LIKE 'Dead click%'")).isEqualTo(1);
            assertThat(ticketOf(database, "rage_click")).isNull();
            String article = text(database, "SELECT a_body FROM article_data_mime WHERE article_id = (SELECT MIN(id) FROM article WHERE ticket_id = " + ticketId + ")");
            assertThat(article).contains("clicked “Pay <b>now</b>” 4 times in 0.9 s; nothing changed on the page", "/checkout/:id");

            // The same struggle in another session: counted, noted on the same ticket, no second ticket.
            long later = System.currentTimeMillis();
            List<String> again = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                again.add(ObserverClient.click(later - 5000 + i * 1500, PAY, "button#pay", "Pay <b>now</b>", 100, 200));
            }
            again.add("{\"t\":" + later + ",\"type\":\"visibility\",\"url\":\"" + PAY + "\",\"state\":\"hidden\"}");
            assertThat(client.post(key, ORIGIN, ObserverClient.batch("sess-" + UUID.randomUUID(), later, again)).statusCode()).isEqualTo(202);
            awaitTrue(() -> occurrences(database, "dead_click") == 6, Duration.ofSeconds(15));
            awaitTrue(() -> count(database, "SELECT COUNT(*) FROM article WHERE ticket_id = " + ticketId) == 2, Duration.ofSeconds(10));
            assertThat(count(database, "SELECT COUNT(*) FROM ticket WHERE title LIKE 'Dead click%'")).isEqualTo(1);
            assertThat(count(database, "SELECT sessions FROM jotrs_observer_incident WHERE kind = 'dead_click'")).isEqualTo(2);

            // Closing the ticket resolves the incident; a recurrence in a new release reopens both.
            jotrs.bean(TicketService.class).apply(1, ticketId, new TicketAction.ChangeState("closed successful", null));
            awaitTrue(() -> "resolved".equals(text(database, "SELECT status FROM jotrs_observer_incident WHERE kind = 'dead_click'")),
                    Duration.ofSeconds(10));
            long last = System.currentTimeMillis();
            String regression = ObserverClient.batch("sess-" + UUID.randomUUID(), last, List.of(
                    ObserverClient.click(last, PAY, "button#pay", "Pay <b>now</b>", 100, 200),
                    "{\"t\":" + (last + 2600) + ",\"type\":\"visibility\",\"url\":\"" + PAY + "\",\"state\":\"hidden\"}"))
                    .replace("\"v\":1,", "\"v\":1,\"release\":\"2.0\",");
            assertThat(client.post(key, ORIGIN, regression).statusCode()).isEqualTo(202);
            awaitTrue(() -> "open".equals(text(database, "SELECT status FROM jotrs_observer_incident WHERE kind = 'dead_click'")),
                    Duration.ofSeconds(15));
            assertThat(count(database, "SELECT regressed FROM jotrs_observer_incident WHERE kind = 'dead_click'")).isEqualTo(1);
            awaitTrue(() -> "open".equals(text(database, "SELECT s.name FROM ticket t JOIN ticket_state s ON s.id = t.ticket_state_id WHERE t.id = " + ticketId)),
                    Duration.ofSeconds(10));
            assertThat(count(database, "SELECT COUNT(*) FROM ticket WHERE title LIKE 'Dead click%'")).isEqualTo(1);

            // The agent screens: listed, the story told, markup from the page shown as text.
            AgentHttp agent = jotrs.agent();
            agent.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
            HttpResponse<String> list = agent.get("/observer/incidents");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("Dead click: Pay &lt;b&gt;now&lt;/b&gt; on /checkout/:id", "regression")
                    .doesNotContain("<b>now</b>");
            long incidentId = count(database, "SELECT id FROM jotrs_observer_incident WHERE kind = 'error_click'");
            HttpResponse<String> details = agent.get("/observer/incidents/" + incidentId);
            assertThat(details.statusCode()).isEqualTo(200);
            assertThat(details.body()).contains("clicked “Apply coupon”", "then TypeError: &lt;img src=x onerror=alert(1)&gt; is undefined at 42 in checkout.js")
                    .doesNotContain("<img src=x");
            HttpResponse<String> acknowledged = agent.submit("/observer/incidents/" + incidentId, "/observer/incidents/" + incidentId + "/status",
                    java.util.Map.of("status", "acknowledged"));
            assertThat(acknowledged.statusCode()).isEqualTo(302);
            assertThat(text(database, "SELECT status FROM jotrs_observer_incident WHERE id = " + incidentId)).isEqualTo("acknowledged");
            assertThat(agent.get("/observer/incidents/999999").statusCode()).isEqualTo(404);
        }
    }

    static Long ticketOf(TestDatabase database, String kind) {
        String value = text(database, "SELECT ticket_id FROM jotrs_observer_incident WHERE kind = '" + kind + "'");
        return value == null ? null : Long.valueOf(value);
    }

    static long occurrences(TestDatabase database, String kind) {
        return count(database, "SELECT COALESCE(MAX(occurrences), 0) FROM jotrs_observer_incident WHERE kind = '" + kind + "'");
    }

    static long count(TestDatabase database, String sql) {
        String value = text(database, sql);
        return value == null ? 0 : Long.parseLong(value);
    }

    static String text(TestDatabase database, String sql) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            Object value = rs.getObject(1);
            if (value instanceof byte[] bytes) {
                return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            }
            return value == null ? null : value.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitTrue(Supplier<Boolean> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
