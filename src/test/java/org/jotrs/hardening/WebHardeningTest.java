package org.jotrs.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.CapturedLog;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, items 6, 8, 14 and 15 and the headers of item 18, over HTTP: no session before
 * sign-in, forged CSRF tokens are a quiet 403, client mistakes are no ERROR in the log, and one
 * error format per kind of client.
 */
// Runs alone: its CapturedLog listens on the root logger, which an application starting in a parallel test class resets.
@org.junit.jupiter.api.parallel.Isolated
class WebHardeningTest {

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static DSLContext db;
    private static AgentHttp root;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        jotrs = RunningJotrs.start(database);
        db = jotrs.bean(DSLContext.class);
        root = jotrs.agent();
        root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    @Test
    void anonymousVisitorsWriteNoSessionRows() {
        int before = db.fetchCount(db.selectFrom("jotrs_session"));
        for (int i = 0; i < 20; i++) {
            AgentHttp anonymous = jotrs.agent();
            assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
            assertThat(anonymous.get("/tickets").statusCode()).isEqualTo(302);
            assertThat(anonymous.get("/login?error").statusCode()).isEqualTo(200);
        }
        assertThat(db.fetchCount(db.selectFrom("jotrs_session"))).isEqualTo(before);
        // Signing in still works, and takes the agent back to the page it first asked for.
        AgentHttp agent = jotrs.agent();
        assertThat(agent.get("/tickets/locked").statusCode()).isEqualTo(302);
        HttpResponse<String> signIn = agent.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/tickets/locked");
        assertThat(db.fetchCount(db.selectFrom("jotrs_session"))).isEqualTo(before + 1);
    }

    @Test
    void onlyAPageIsRememberedAsTheReturnAddress() throws Exception {
        // An agent whose session ended still has pages open: their htmx posts, htmx gets and live
        // streams hit the sign-in wall too. Signing in must bring the agent back to the page it
        // asked for, not to the address of a POST (which answered 405) or of a stream.
        AgentHttp agent = jotrs.agent();
        assertThat(agent.get("/tickets/locked").statusCode()).isEqualTo(302);
        String token = AgentHttp.csrfToken(agent.get("/login").body());
        HttpResponse<String> post = agent.postForm("/tickets/1/note", Map.of("_csrf", token, "body", "x"));
        assertThat(post.statusCode()).isEqualTo(302);
        try (HttpClient client = HttpClient.newBuilder().cookieHandler(agent.cookies()).build()) {
            client.send(HttpRequest.newBuilder(URI.create(jotrs.baseUrl() + "/tickets")).header("HX-Request", "true").GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            client.send(HttpRequest.newBuilder(URI.create(jotrs.baseUrl() + "/live")).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        HttpResponse<String> signIn = agent.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/tickets/locked");
    }

    @Test
    void aForgedCsrfTokenIsAQuiet403() {
        try (CapturedLog log = CapturedLog.start()) {
            AgentHttp anonymous = jotrs.agent();
            anonymous.get("/login");
            String wellFormed = "dGhpcyBpcyBub3QgYSB0b2tlbiBidXQgaXQgaXMgd2VsbCBmb3JtZWQ";
            for (String token : new String[] {wellFormed, "x", "AAAA", wellFormed + wellFormed}) {
                HttpResponse<String> signIn = anonymous.postForm("/login",
                        Map.of("username", "root@localhost", "password", "x", "_csrf", token));
                assertThat(signIn.statusCode()).as(token).isEqualTo(403);
                assertThat(signIn.body()).contains("nothing was changed");
                HttpResponse<String> note = root.postForm("/tickets/1/note", Map.of("subject", "s", "body", "b", "_csrf", token));
                assertThat(note.statusCode()).as(token).isEqualTo(403);
            }
            assertThat(log.errorsAndStackTraces()).isEmpty();
        }
    }

    @Test
    void clientMistakesAreAnsweredWithoutErrorsInTheLog() {
        try (CapturedLog log = CapturedLog.start()) {
            assertThat(raw("/tickets?page=%zz", "text/html").statusCode()).isEqualTo(400);
            assertThat(root.get("/tickets?page=abc").statusCode()).isEqualTo(422); // a form value that does not bind
            assertThat(root.get("/tickets/abc").statusCode()).isEqualTo(400);
            assertThat(root.get("/tickets?sort=sideways").statusCode()).isEqualTo(422);
            assertThat(root.get("/tickets?dir=sideways").body()).contains("dir").contains("asc, desc");
            assertThat(root.get("/admin/agents/999999").statusCode()).isEqualTo(404);
            assertThat(log.errorsAndStackTraces()).isEmpty();
        }
    }

    @Test
    void unknownChoicesAreRefusedNotCoerced() {
        HttpResponse<String> link = root.submit("/tickets/new", "/tickets/1/link", Map.of("targetNumber", "1", "linkType", "EVIL"));
        assertThat(link.statusCode()).isIn(404, 422);
        HttpResponse<String> phone = root.submit("/tickets/new", "/tickets/1/phone",
                Map.of("direction", "sideways", "subject", "s", "body", "b"));
        assertThat(phone.statusCode()).isIn(404, 422);
    }

    @Test
    void browsersGetTheAppsPageAndJsonClientsProblemJson() throws Exception {
        RawResponse page = raw("/no/such/page", "text/html,application/xhtml+xml");
        assertThat(page.statusCode()).isEqualTo(302); // anonymous: to the sign-in page first

        HttpResponse<String> signedIn = root.get("/no/such/page");
        assertThat(signedIn.statusCode()).isEqualTo(404);
        assertThat(signedIn.body()).contains("<!DOCTYPE html>").doesNotContain("\"status\":");
        // the agent's own page around it: the navigation, the theme, the sign-out form
        assertThat(signedIn.body()).contains("class=\"topnav\"").contains("href=\"/queues\"")
                .contains("/preferences/theme.css").contains("action=\"/logout\"").contains("<h1>404 ").contains("There is no such page.");

        HttpResponse<String> json = rawAs(root, "/no/such/page", "application/json");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.body()).contains("\"status\":404");

        RawResponse badUrl = raw("/tickets/%", "text/html");
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(badUrl.body()).doesNotContain("Apache Tomcat");
    }

    @Test
    void pagesSendAPermissionsPolicy() {
        HttpResponse<String> home = root.get("/");
        assertThat(home.headers().firstValue("Permissions-Policy").orElseThrow()).contains("camera=()").contains("geolocation=()");
        assertThat(jotrs.agent().get("/login").headers().firstValue("Permissions-Policy")).isPresent();
    }

    /** A status and body read from a request sent byte for byte (as a browser or a probe may send it). */
    record RawResponse(int statusCode, String head, String body) {
    }

    private static RawResponse raw(String path, String accept) {
        URI base = URI.create(jotrs.baseUrl());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            return new RawResponse(Integer.parseInt(head.substring(9, 12)), head, split < 0 ? "" : response.substring(split + 4));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> rawAs(AgentHttp agent, String path, String accept) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().cookieHandler(agent.cookies()).build()) {
            return client.send(HttpRequest.newBuilder(URI.create(jotrs.baseUrl() + path)).header("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
