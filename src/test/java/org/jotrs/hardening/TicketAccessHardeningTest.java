package org.jotrs.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.access.AgentAdministration;
import org.jotrs.access.PermissionAdministration;
import org.jotrs.access.AgentAdministration.AgentInput;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.Validity;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.Agents;
import org.jotrs.testing.Groups;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 over HTTP on PostgreSQL (where NUL bytes and lengths matter). Items 1-4 and 13: an
 * agent with rights only on queue QA learns nothing about tickets in queue QB (links, history,
 * unlink, bulk, merge targets, moves, 404s that look alike), and an agent that is invalidated,
 * loses all groups or gets its password reset is signed out at once. Items 9-12 and 18: NUL bytes,
 * values longer than their column, too large multipart forms, dates past 2038 and uploaded script
 * types.
 */
@Tag(OnEveryDatabase.OTHER_DATABASES_TAG)
class TicketAccessHardeningTest {

    private static final int ROOT = 1;

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static DSLContext db;
    private static TicketService tickets;
    private static int qaGroup;
    private static int qbGroup;
    private static int qaQueue;
    private static int qbQueue;
    private static long qaTicket;
    private static long qbTicket;
    private static String qbNumber;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.POSTGRESQL);
        jotrs = RunningJotrs.start(database, "--jotrs.article.max-attachment-size=100KB");
        db = jotrs.bean(DSLContext.class);
        tickets = jotrs.bean(TicketService.class);
        Agents.customerCarla(db);
        qaGroup = Groups.group(db, "QA");
        qbGroup = Groups.group(db, "QB-secret");
        qaQueue = Agents.queue(db, "QA", qaGroup);
        qbQueue = Agents.queue(db, "QB-secret", qbGroup);
        Agents.grant(db, ROOT, qaGroup, "rw");
        Agents.grant(db, ROOT, qbGroup, "rw");
        int qa = Agents.agent(db, "qa", "Quinn", "Agent");
        Agents.grant(db, qa, qaGroup, "rw");
        qaTicket = tickets.createPhoneTicket(ROOT, phone(qaQueue, "Printer jam")).ticketId();
        qbTicket = tickets.createPhoneTicket(ROOT, phone(qbQueue, "Merger plans QB")).ticketId();
        qbNumber = db.fetchSingle("SELECT tn FROM ticket WHERE id = ?", qbTicket).get(0, String.class);
        tickets.apply(ROOT, qaTicket, new TicketAction.LinkTo(qbNumber, TicketAction.LinkType.NORMAL));
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    private static NewPhoneTicket phone(int queueId, String title) {
        return new NewPhoneTicket(queueId, "carla", title, "Details of " + title, null, null, null);
    }

    private static AgentHttp signedIn(String login) {
        AgentHttp agent = jotrs.agent();
        assertThat(agent.signIn(login, Agents.passwordOf(login)).headers().firstValue("Location").orElseThrow())
                .doesNotContain("error");
        return agent;
    }

    @Test
    void theZoomShowsOnlyLinkedTicketsTheReaderMayRead() {
        AgentHttp qa = signedIn("qa");
        String zoom = qa.get("/tickets/" + qaTicket).body();
        assertThat(zoom).contains("Printer jam").doesNotContain(qbNumber).doesNotContain("Merger plans")
                .doesNotContain("/tickets/" + qbTicket + "\"")
                .contains("1 more linked ticket you may not read");
        // the other way round: root sees both sides
        assertThat(jotrs.agent().get("/tickets/" + qaTicket).statusCode()).isEqualTo(302);
        assertThat(tickets.details(ROOT, qaTicket).links()).extracting(l -> l.id()).containsExactly(qbTicket);
    }

    @Test
    void unlinkNeedsTheRightOnTheOtherTicketToo() {
        AgentHttp qa = signedIn("qa");
        int links = db.fetchCount(db.selectFrom("link_relation"));
        int qbHistory = history(qbTicket);
        HttpResponse<String> response = qa.submit("/tickets/" + qaTicket, "/tickets/" + qaTicket + "/unlink",
                Map.of("otherTicketId", Long.toString(qbTicket)));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(db.fetchCount(db.selectFrom("link_relation"))).isEqualTo(links);
        assertThat(history(qbTicket)).isEqualTo(qbHistory);
    }

    @Test
    void aTicketTheAgentMayNotReadLooksExactlyLikeOneThatDoesNotExist() {
        AgentHttp qa = signedIn("qa");
        long missing = qbTicket + 100_000;
        HttpResponse<String> hidden = qa.get("/tickets/" + qbTicket);
        HttpResponse<String> absent = qa.get("/tickets/" + missing);
        assertThat(hidden.statusCode()).isEqualTo(404).isEqualTo(absent.statusCode());
        // The page carries the navigation with a CSRF token masked afresh for every response.
        assertThat(withoutTokens(hidden.body()).replaceAll("\\b" + qbTicket + "\\b", "N"))
                .isEqualTo(withoutTokens(absent.body()).replaceAll("\\b" + missing + "\\b", "N"));
        assertThat(hidden.body()).doesNotContain("QB-secret");
        for (String path : List.of("/reply", "/forward", "/articles/1/html", "/articles/1/attachments/1")) {
            HttpResponse<String> response = qa.get("/tickets/" + qbTicket + path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("QB-secret");
        }
        for (Map.Entry<String, Map<String, String>> post : Map.of(
                "/note", Map.of("subject", "x", "body", "y"),
                "/fields", Map.of("priority", "1 very low", "seen.priority", "3 normal"),
                "/lock", Map.<String, String>of(),
                "/watch", Map.<String, String>of()).entrySet()) {
            int before = history(qbTicket);
            HttpResponse<String> response = qa.submit("/tickets/" + qaTicket, "/tickets/" + qbTicket + post.getKey(), post.getValue());
            assertThat(response.statusCode()).as(post.getKey()).isEqualTo(404);
            assertThat(response.body()).as(post.getKey()).doesNotContain("QB-secret");
            assertThat(history(qbTicket)).isEqualTo(before);
        }
    }

    @Test
    void bulkActionsReportAHiddenTicketLikeAMissingOne() {
        AgentHttp qa = signedIn("qa");
        int before = history(qbTicket);
        HttpResponse<String> response = qa.submitAll("/tickets", "/tickets/bulk", List.of(
                Map.entry("ticketId", Long.toString(qbTicket)), Map.entry("ticketId", Long.toString(qbTicket + 100_000)),
                Map.entry("priority", "1 very low")));
        assertThat(response.statusCode()).isEqualTo(302);
        String list = qa.get("/tickets").body();
        assertThat(list).doesNotContain(qbNumber).doesNotContain("QB-secret").doesNotContain("'rw'");
        assertThat(history(qbTicket)).isEqualTo(before);
    }

    @Test
    void mergeLinkAndMoveTargetsTheAgentMayNotReadDoNotExist() {
        AgentHttp qa = signedIn("qa");
        for (String action : List.of("/merge", "/link")) {
            HttpResponse<String> hidden = qa.submit("/tickets/" + qaTicket, "/tickets/" + qaTicket + action,
                    Map.of("targetNumber", qbNumber));
            HttpResponse<String> absent = qa.submit("/tickets/" + qaTicket, "/tickets/" + qaTicket + action,
                    Map.of("targetNumber", "99" + qbNumber));
            assertThat(hidden.statusCode()).as(action).isEqualTo(422).isEqualTo(absent.statusCode());
            assertThat(hidden.body()).contains("There is no ticket with the number " + qbNumber + ".")
                    .doesNotContain("QB-secret").doesNotContain("'rw'");
        }
        HttpResponse<String> move = qa.submit("/tickets/" + qaTicket, "/tickets/" + qaTicket + "/fields",
                Map.of("queueId", Integer.toString(qbQueue), "seen.queueId", Integer.toString(qaQueue)));
        assertThat(move.statusCode()).isEqualTo(422);
        assertThat(move.body()).contains("Choose a valid queue.").doesNotContain("QB-secret");
        HttpResponse<String> create = qa.submit("/tickets/new", "/tickets/new", Map.of("queueId", Integer.toString(qbQueue),
                "customerUser", "carla", "title", "x", "body", "y"));
        assertThat(create.body()).doesNotContain("QB-secret");
    }

    @Test
    void anArticleOfAnotherTicketIsNotFoundInReplyAndForward() {
        AgentHttp root = jotrs.agent();
        root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
        long otherArticle = db.fetchSingle("SELECT MIN(id) FROM article WHERE ticket_id = ?", qbTicket).get(0, Long.class);
        assertThat(root.get("/tickets/" + qaTicket + "/reply?article=" + otherArticle).statusCode()).isEqualTo(404);
        assertThat(root.get("/tickets/" + qaTicket + "/forward?article=" + otherArticle).statusCode()).isEqualTo(404);
        assertThat(root.get("/tickets/" + qbTicket + "/reply?article=" + otherArticle).statusCode()).isEqualTo(200);
    }

    @Test
    void anInvalidatedAgentIsSignedOutAtOnce() {
        int id = Agents.agent(db, "leaver", "Lee", "Ver");
        Agents.grant(db, id, qaGroup, "rw");
        AgentHttp leaver = signedIn("leaver");
        assertThat(leaver.get("/tickets/" + qaTicket).statusCode()).isEqualTo(200);
        assertThat(sessionsOf("leaver")).isEqualTo(1);

        jotrs.bean(AgentAdministration.class).updateAgent(ROOT, id,
                new AgentInput("leaver", "Lee", "Ver", "leaver@example.com", Validity.INVALID, ""));
        assertThat(sessionsOf("leaver")).isZero();
        assertThat(leaver.get("/tickets/" + qaTicket).statusCode()).isEqualTo(302);
        HttpResponse<String> note = leaver.postForm("/tickets/" + qaTicket + "/note", Map.of("subject", "s", "body", "b"));
        assertThat(note.statusCode()).isIn(302, 403);
        assertThat(leaver.signIn("leaver", Agents.passwordOf("leaver")).headers().firstValue("Location").orElseThrow())
                .contains("error");
    }

    @Test
    void anAgentInvalidatedBehindJotrsBackIsRefusedOnItsNextRequest() {
        int id = Agents.agent(db, "sneaky", "Sne", "Aky");
        Agents.grant(db, id, qaGroup, "rw");
        AgentHttp sneaky = signedIn("sneaky");
        String csrf = AgentHttp.csrfToken(sneaky.get("/tickets/" + qaTicket).body());
        db.execute("UPDATE users SET valid_id = 2 WHERE id = ?", id);
        int notes = db.fetchCount(db.selectFrom("article").where("ticket_id = " + qaTicket));
        HttpResponse<String> note = sneaky.postForm("/tickets/" + qaTicket + "/note",
                Map.of("subject", "s", "body", "b", "_csrf", csrf));
        assertThat(note.statusCode()).isIn(302, 403);
        assertThat(db.fetchCount(db.selectFrom("article").where("ticket_id = " + qaTicket))).isEqualTo(notes);
        assertThat(sessionsOf("sneaky")).isZero();
    }

    @Test
    void anAgentWhosePasswordWasResetOrWhoLostAllGroupsIsSignedOut() {
        int id = Agents.agent(db, "resetme", "Re", "Set");
        Agents.grant(db, id, qaGroup, "rw");
        signedIn("resetme");
        assertThat(sessionsOf("resetme")).isEqualTo(1);
        jotrs.bean(AgentAdministration.class).updateAgent(ROOT, id,
                new AgentInput("resetme", "Re", "Set", "resetme@example.com", Validity.VALID, "a-new-password-1"));
        assertThat(sessionsOf("resetme")).isZero();

        int other = Agents.agent(db, "dropped", "Drop", "Ped");
        Agents.grant(db, other, qaGroup, "rw");
        AgentHttp dropped = signedIn("dropped");
        jotrs.bean(PermissionAdministration.class).setGroupsOfAgent(ROOT, other, Map.of());
        assertThat(sessionsOf("dropped")).isZero();
        assertThat(dropped.get("/").statusCode()).isEqualTo(302);
    }

    private static int sessionsOf(String login) {
        return db.fetchCount(db.selectFrom("jotrs_session").where("principal_name = ?", login));
    }

    private static int history(long ticketId) {
        return db.fetchCount(db.selectFrom("ticket_history").where("ticket_id = ?", ticketId));
    }

    private static AgentHttp root() {
        AgentHttp root = jotrs.agent();
        root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
        return root;
    }

    @Test
    void aNulByteInAnyTextFieldIs422NamingTheField() {
        AgentHttp root = root();
        int articles = db.fetchCount(db.selectFrom("article"));
        int groups = db.fetchCount(db.selectFrom("permission_groups"));
        Map<String, Map<String, String>> posts = new java.util.LinkedHashMap<>();
        posts.put("/tickets/" + qaTicket + "/note", Map.of("subject", "Sub\0ject", "body", "Body"));
        posts.put("/tickets/" + qaTicket + "/fields", Map.of("title", "Ti\0tle", "seen.title", "Printer jam"));
        posts.put("/tickets/" + qaTicket + "/merge", Map.of("targetNumber", "2026\0"));
        posts.put("/tickets/new", Map.of("queueId", Integer.toString(qaQueue), "customerUser", "carla",
                "title", "x\0", "body", "y"));
        posts.put("/admin/groups/new", Map.of("name", "Evil\0Group", "comment", "", "valid", "1"));
        for (Map.Entry<String, Map<String, String>> post : posts.entrySet()) {
            HttpResponse<String> response = root.submit("/tickets/" + qaTicket, post.getKey(), post.getValue());
            String field = post.getValue().entrySet().stream().filter(e -> e.getValue().contains("\0")).findFirst()
                    .orElseThrow().getKey();
            assertThat(response.statusCode()).as(post.getKey()).isEqualTo(422);
            assertThat(response.body()).as(post.getKey()).contains(field + ":").contains("NUL");
        }
        HttpResponse<String> typeahead = root.get("/customers/suggestions?q=car%00la");
        assertThat(typeahead.statusCode()).isEqualTo(422);
        assertThat(db.fetchCount(db.selectFrom("article"))).isEqualTo(articles);
        assertThat(db.fetchCount(db.selectFrom("permission_groups"))).isEqualTo(groups);
        assertThat(db.fetchCount(db.selectFrom("ticket_history").where("ticket_id = ?", qaTicket)
                .and("history_type_id IN (SELECT id FROM ticket_history_type WHERE name = 'TitleUpdate')"))).isZero();
    }

    @Test
    void aValueLongerThanItsColumnIs422NamingTheLimit() {
        AgentHttp root = root();
        int articles = db.fetchCount(db.selectFrom("article"));
        HttpResponse<String> note = root.submit("/tickets/" + qaTicket, "/tickets/" + qaTicket + "/note",
                Map.of("subject", "s".repeat(10_000), "body", "Body"));
        assertThat(note.statusCode()).isEqualTo(422);
        assertThat(note.body()).contains("At most 3800 characters");
        HttpResponse<String> title = root.submit("/tickets/" + qaTicket, "/tickets/" + qaTicket + "/fields",
                Map.of("title", "t".repeat(300), "seen.title", "Printer jam"));
        assertThat(title.statusCode()).isEqualTo(422);
        assertThat(title.body()).contains("255");
        assertThat(db.fetchCount(db.selectFrom("article"))).isEqualTo(articles);
    }

    @Test
    void aPendingDateTheColumnCannotHoldIsRefused() {
        AgentHttp root = root();
        int before = db.fetchSingle("SELECT until_time FROM ticket WHERE id = ?", qaTicket).get(0, Integer.class);
        HttpResponse<String> state = root.submit("/tickets/" + qaTicket, "/tickets/" + qaTicket + "/fields",
                Map.of("state", "pending reminder", "seen.state", "open", "pendingUntil", "2100-01-01T10:00"));
        assertThat(state.statusCode()).isEqualTo(422);
        assertThat(state.body()).contains("2038");
        assertThat(db.fetchSingle("SELECT until_time FROM ticket WHERE id = ?", qaTicket).get(0, Integer.class)).isEqualTo(before);
        int tickets = db.fetchCount(db.selectFrom("ticket"));
        HttpResponse<String> created = root.submit("/tickets/new", "/tickets/new", Map.of("queueId", Integer.toString(qaQueue),
                "customerUser", "carla", "title", "Later", "body", "y", "state", "pending reminder",
                "pendingUntil", "2100-01-01T10:00"));
        assertThat(created.statusCode()).isEqualTo(422);
        assertThat(created.body()).contains("2038");
        assertThat(db.fetchCount(db.selectFrom("ticket"))).isEqualTo(tickets);
    }

    @Test
    void aMultipartFormOverTheLimitIs413EvenWithoutALength() throws Exception {
        AgentHttp root = root();
        String csrf = AgentHttp.csrfToken(root.get("/tickets/" + qaTicket).body());
        String boundary = "----jotrsbig";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\nBig\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nBig\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] content = new byte[3 * 1024 * 1024];
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(tail);
        byte[] bytes = body.toByteArray();
        int articles = db.fetchCount(db.selectFrom("article"));
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().cookieHandler(root.cookies()).build()) {
            // Without a Content-Length (chunked), so only the container's parser can notice the size.
            HttpResponse<String> chunked = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(jotrs.baseUrl() + "/tickets/" + qaTicket + "/note"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(chunked.statusCode()).isEqualTo(413);
            assertThat(chunked.body()).contains("Nothing was saved");
            HttpResponse<String> sized = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(jotrs.baseUrl() + "/tickets/" + qaTicket + "/note"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sized.statusCode()).isEqualTo(413);
        }
        assertThat(db.fetchCount(db.selectFrom("article"))).isEqualTo(articles);
    }

    @Test
    void uploadedActiveContentIsServedAsOctetStream() {
        AgentHttp root = root();
        for (String[] file : new String[][] {{"evil.js", "text/javascript"}, {"page.html", "text/html"},
                {"image.svg", "image/svg+xml"}, {"data.xml", "application/xml"}, {"notes.txt", "text/plain"}}) {
            HttpResponse<String> note = root.submitMultipart("/tickets/" + qaTicket, "/tickets/" + qaTicket + "/note",
                    Map.of("subject", "File " + file[0], "body", "See file."),
                    List.of(new AgentHttp.FilePart("attachments", file[0], file[1], "alert(1)".getBytes())));
            assertThat(note.statusCode()).as(file[0]).isEqualTo(302);
            long article = db.fetchSingle("SELECT MAX(id) FROM article WHERE ticket_id = ?", qaTicket).get(0, Long.class);
            HttpResponse<byte[]> download = root.getBytes("/tickets/" + qaTicket + "/articles/" + article + "/attachments/1");
            assertThat(download.statusCode()).isEqualTo(200);
            String type = download.headers().firstValue("Content-Type").orElseThrow();
            if (file[1].equals("text/plain")) {
                assertThat(type).startsWith("text/plain");
            } else {
                assertThat(type).as(file[0]).isEqualTo("application/octet-stream");
            }
            assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
    }

    private static String withoutTokens(String page) {
        return page.replaceAll("(name=\"csrf-token\" content=|name=\"_csrf\" value=)\"[^\"]*\"", "$1\"\"");
    }
}
