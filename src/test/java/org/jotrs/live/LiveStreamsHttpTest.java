package org.jotrs.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.JOTRS_LIVE_VIEWER;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.Agents;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.Test;

/**
 * The SSE endpoints over HTTP: sign-in required, read permission, events as they happen, the cap,
 * closing; one connection shared by many tabs.
 */
class LiveStreamsHttpTest {

    private static final Pattern VIEWER_ID = Pattern.compile("data:\\{\"viewerId\":\"([0-9a-f-]+)\"}");

    @Test
    void aZoomStreamCarriesOtherAgentsChangesAndViewers() throws Exception {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.change-feed.poll-interval=100ms",
                        "--jotrs.live.heartbeat-interval=300ms", "--jotrs.live.presence-timeout=2s",
                        "--jotrs.live.presence-interval=200ms", "--jotrs.live.max-streams-per-session=2")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Agents.customerCarla(db);
            int reader = Agents.agent(db, "reader", "Rea", "Der");
            Agents.grant(db, reader, 1, "ro");
            Agents.agent(db, "outsider", "Out", "Sider");
            long ticketId = jotrs.bean(TicketService.class).createPhoneTicket(1,
                    new NewPhoneTicket(2, "carla", "Router resets", "Every night.", null, null, null)).ticketId();
            String zoomStream = "/live/tickets/" + ticketId;

            assertThat(jotrs.agent().get(zoomStream).statusCode()).as("signed out: to the sign-in page").isEqualTo(302);
            AgentHttp outsider = signedIn(jotrs, "outsider");
            assertThat(outsider.get(zoomStream).statusCode()).isEqualTo(404); // as if the ticket did not exist

            AgentHttp root = jotrs.agent();
            root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
            AgentHttp readerHttp = signedIn(jotrs, "reader");
            HttpResponse<Stream<String>> stream = readerHttp.stream(zoomStream);
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));

            String viewerId = awaitLine(lines, VIEWER_ID).group(1);
            awaitLine(lines, Pattern.compile("^:heartbeat$"));
            assertThat(root.stream(zoomStream).statusCode()).isEqualTo(200);
            awaitLine(lines, Pattern.compile("^data:\\{\"names\":\\[\"Admin OTRS\"]}$"));

            root.submit("/tickets/" + ticketId, "/tickets/" + ticketId + "/note",
                    Map.of("subject", "Note", "body", "Replaced the router."));
            awaitLine(lines, Pattern.compile("^data:\\{\"ticketId\":" + ticketId
                    + ",\"kind\":\"ArticleCreate\",\"actor\":\"Admin OTRS\",\"byViewer\":false,\"readable\":true}$"));
            assertThat(lines).contains("event:ticket", "event:viewers", "event:opened");

            assertThat(readerHttp.stream("/live/queues").statusCode()).isEqualTo(200);
            assertThat(readerHttp.stream("/live/queues").statusCode()).as("over the cap of 2 per session").isEqualTo(429);

            assertThat(db.fetchCount(JOTRS_LIVE_VIEWER, JOTRS_LIVE_VIEWER.VIEWER_ID.eq(viewerId))).isOne();
            HttpResponse<String> closed = readerHttp.submit("/tickets/" + ticketId, "/live/streams/" + viewerId + "/close", Map.of());
            assertThat(closed.statusCode()).isEqualTo(204);
            assertThat(db.fetchCount(JOTRS_LIVE_VIEWER, JOTRS_LIVE_VIEWER.VIEWER_ID.eq(viewerId))).isZero();
            HttpResponse<Stream<String>> queues = readerHttp.stream("/live/queues");
            assertThat(queues.statusCode()).as("a slot is free again").isEqualTo(200);
            List<String> queueLines = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> queues.body().forEach(queueLines::add));
            awaitLine(queueLines, VIEWER_ID);

            readerHttp.submit("/", "/logout", Map.of());
            awaitLine(queueLines, Pattern.compile("^data:\\{\"reason\":\"SIGNED_OUT\"}$"));
        }
    }

    @Test
    void aSharedConnectionServesAllTheTabsOfASession() throws Exception {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.change-feed.poll-interval=100ms",
                        "--jotrs.live.heartbeat-interval=300ms", "--jotrs.live.presence-timeout=2s",
                        "--jotrs.live.presence-interval=200ms", "--jotrs.live.max-streams-per-session=2",
                        "--jotrs.live.max-pages-per-connection=6")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Agents.customerCarla(db);
            int reader = Agents.agent(db, "reader", "Rea", "Der");
            Agents.grant(db, reader, 1, "ro");
            Agents.agent(db, "outsider", "Out", "Sider");
            TicketService tickets = jotrs.bean(TicketService.class);
            long ticketId = tickets.createPhoneTicket(1,
                    new NewPhoneTicket(2, "carla", "Router resets", "Every night.", null, null, null)).ticketId();
            long other = tickets.createPhoneTicket(1,
                    new NewPhoneTicket(2, "carla", "Fax jams", "Again.", null, null, null)).ticketId();
            org.jotrs.live.internal.LiveHub hub = jotrs.bean(org.jotrs.live.internal.LiveHub.class);
            int connectionsBefore = hub.openConnections();

            AgentHttp readerHttp = signedIn(jotrs, "reader");
            HttpResponse<Stream<String>> shared = readerHttp.stream("/live/shared");
            assertThat(shared.statusCode()).isEqualTo(200);
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> shared.body().forEach(lines::add));
            String connection = awaitLine(lines, VIEWER_ID).group(1);
            awaitLine(lines, Pattern.compile("^:heartbeat$"));

            // Six tabs (over the cap of 2 streams per session) on the one connection.
            String pages = "/live/shared/" + connection + "/pages";
            List<String> viewerIds = new java.util.ArrayList<>();
            for (int tab = 1; tab <= 6; tab++) {
                Map<String, String> page = tab <= 3 ? Map.of("key", "tab" + tab, "ticket", String.valueOf(ticketId))
                        : Map.of("key", "tab" + tab, "shown", ticketId + "," + other);
                HttpResponse<String> opened = readerHttp.submit("/", pages, page);
                assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
                Matcher id = Pattern.compile("\\{\"viewerId\":\"([0-9a-f-]+)\"}").matcher(opened.body());
                assertThat(id.find()).isTrue();
                viewerIds.add(id.group(1));
            }
            assertThat(hub.openConnections() - connectionsBefore).as("one connection serves the six tabs").isOne();
            assertThat(hub.sharedPages()).isEqualTo(6);
            assertThat(db.fetchCount(JOTRS_LIVE_VIEWER, JOTRS_LIVE_VIEWER.TICKET_ID.eq(ticketId))).isEqualTo(3);
            assertThat(readerHttp.submit("/", pages, Map.of("key", "tab7", "ticket", String.valueOf(ticketId)))
                    .statusCode()).as("over the connection's cap of 6 pages").isEqualTo(429);

            AgentHttp root = jotrs.agent();
            root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
            root.submit("/tickets/" + ticketId, "/tickets/" + ticketId + "/note",
                    Map.of("subject", "Note", "body", "Replaced the router."));
            for (int tab = 1; tab <= 3; tab++) {
                awaitLine(lines, Pattern.compile("^data:\\{\"page\":\"tab" + tab + "\",\"event\":\\{\"ticketId\":"
                        + ticketId + ",\"kind\":\"ArticleCreate\",\"actor\":\"Admin OTRS\",\"byViewer\":false,"
                        + "\"readable\":true}}$"));
            }
            for (int tab = 4; tab <= 6; tab++) {
                awaitLine(lines, Pattern.compile("^data:\\{\"page\":\"tab" + tab + "\",\"event\":\\{\"ticketIds\":\\["
                        + ticketId + "]}}$"));
            }

            // A tab that leaves frees its place; its viewer row goes.
            assertThat(readerHttp.submit("/", "/live/streams/" + viewerIds.getFirst() + "/close", Map.of()).statusCode())
                    .isEqualTo(204);
            assertThat(hub.sharedPages()).isEqualTo(5);
            assertThat(db.fetchCount(JOTRS_LIVE_VIEWER, JOTRS_LIVE_VIEWER.TICKET_ID.eq(ticketId))).isEqualTo(2);

            // Refused: a malformed key, another agent's connection, a connection that is not there.
            assertThat(readerHttp.submit("/", pages, Map.of("key", "<tab>", "ticket", String.valueOf(ticketId)))
                    .statusCode()).isEqualTo(400);
            assertThat(signedIn(jotrs, "outsider").submit("/", pages, Map.of("key", "x", "shown", ""))
                    .statusCode()).isEqualTo(404);
            assertThat(readerHttp.submit("/", "/live/shared/nope/pages", Map.of("key", "x", "shown", ""))
                    .statusCode()).isEqualTo(404);
            assertThat(hub.sharedPages()).isEqualTo(5);

            // Signing out ends the connection with all its pages.
            readerHttp.submit("/", "/logout", Map.of());
            awaitLine(lines, Pattern.compile("^data:\\{\"reason\":\"SIGNED_OUT\"}$"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (hub.sharedPages() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(hub.sharedPages()).isZero();
            assertThat(hub.openConnections()).isEqualTo(connectionsBefore);
        }
    }

    private static AgentHttp signedIn(RunningJotrs jotrs, String login) {
        AgentHttp agent = jotrs.agent();
        assertThat(agent.signIn(login, Agents.passwordOf(login)).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        return agent;
    }

    private static Matcher awaitLine(List<String> lines, Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line matching " + pattern + " within 10 s; got " + lines);
    }
}
