package org.jotrs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.JOTRS_API_TOKEN;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jotrs.access.PasswordHashing;
import org.jotrs.article.NewAttachment;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.AppPerDatabase;
import org.jotrs.testing.Customers;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.PortalCustomers;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Customer users on {@code /api/v1}, one application per database: a token made in the portal's
 * preferences (shown once, stored hashed, revocable, expiring) reaches the customer's tickets as
 * the portal shows them and nothing else (403); another customer's ticket is the 404 of a missing
 * one, internal notes and their files never appear, new tickets and answers are written as the
 * portal writes them, refusals write nothing; the docs' customer examples run with bash and curl.
 */
class CustomerApiTest {

    private static final Pattern ISSUED = Pattern.compile("<code id=\"issued-token\">([^<]+)</code>");
    private static final String TOKENS = "/customer/preferences/api-tokens";
    private static final int RAW = 2;
    private static final String SECRET = "INTERNAL-SECRET-4471";

    private static final AppPerDatabase APPS = new AppPerDatabase();
    private static final Map<DatabaseKind, World> WORLDS = new EnumMap<>(DatabaseKind.class);

    /** One database's application, Carla's portal session and token, her ticket and Olga's. */
    private record World(RunningJotrs jotrs, DSLContext db, AgentHttp carlaPages, ApiClient carla, long own,
            long internalArticle, long foreign) {
    }

    @AfterAll
    static void stop() {
        WORLDS.clear();
        APPS.close();
    }

    private static World on(DatabaseKind kind) {
        return WORLDS.computeIfAbsent(kind, CustomerApiTest::prepare);
    }

    private static World prepare(DatabaseKind kind) {
        RunningJotrs jotrs = APPS.on(kind);
        DSLContext db = jotrs.bean(DSLContext.class);
        TicketService tickets = jotrs.bean(TicketService.class);
        String hash = jotrs.bean(PasswordHashing.class).hash("carla-secret");
        Customers.aCustomerUser("carla").ofCompany("ACME").storedPassword(hash).in(db);
        Customers.aCustomerUser("olga").ofCompany("OTHER-CO").storedPassword(hash).in(db);
        long own = tickets.createPhoneTicket(1, new NewPhoneTicket(RAW, "carla", "Carla's printer", "It smokes.", null, null,
                null)).ticketId();
        tickets.apply(1, own, new TicketAction.AddNote("Answer", "We are on our way.", true,
                List.of(new NewAttachment("visible.txt", "text/plain", "visible".getBytes(StandardCharsets.UTF_8)))));
        tickets.apply(1, own, new TicketAction.AddNote("Internal", "Between us: " + SECRET, false,
                List.of(new NewAttachment("internal.txt", "text/plain", SECRET.getBytes(StandardCharsets.UTF_8)))));
        long internal = ((Number) db.fetchValue("SELECT id FROM article WHERE ticket_id = ? AND is_visible_for_customer = 0",
                own)).longValue();
        long foreign = tickets.createPhoneTicket(1, new NewPhoneTicket(RAW, "olga", "Olga's secret plans", "Plans.", null,
                null, null)).ticketId();
        AgentHttp pages = PortalCustomers.signedIn(jotrs, "carla", "carla-secret");
        return new World(jotrs, db, pages, new ApiClient(jotrs.baseUrl(), issue(pages, "script", "write")), own, internal,
                foreign);
    }

    static String issue(AgentHttp portal, String name, String scope) {
        HttpResponse<String> created = portal.submit(TOKENS, TOKENS, Map.of("name", name, "scope", scope, "expiresOn", ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Matcher issued = ISSUED.matcher(created.body());
        assertThat(issued.find()).as("the new token is shown").isTrue();
        return issued.group(1);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(ApiClient.json(response).get("detail").asString()).contains(detailPart);
    }

    @OnEveryDatabase
    void aTokenMadeInThePortalIsShownOnceStoredHashedAndRevocable(DatabaseKind kind) {
        World w = on(kind);
        String secret = issue(w.carlaPages(), "once", "read");
        String page = w.carlaPages().get(TOKENS).body();
        assertThat(page).contains("once").contains(secret.substring(0, 12)).doesNotContain(secret);
        String hash = HexFormat.of().formatHex(sha256(secret));
        assertThat(w.db().select(JOTRS_API_TOKEN.CUSTOMER_LOGIN, JOTRS_API_TOKEN.USER_ID).from(JOTRS_API_TOKEN)
                .where(JOTRS_API_TOKEN.TOKEN_HASH.eq(hash)).fetchSingle().intoList()).containsExactly("carla", null);
        ApiClient client = new ApiClient(w.jotrs().baseUrl(), secret);
        assertThat(client.get("/api/v1/tickets/" + w.own()).statusCode()).isEqualTo(200);
        // read only: no answer with it
        assertProblem(client.post("/api/v1/tickets/" + w.own() + "/articles", "{\"body\": \"x\"}"), 403, "read-only");

        long id = w.db().select(JOTRS_API_TOKEN.ID).from(JOTRS_API_TOKEN).where(JOTRS_API_TOKEN.TOKEN_HASH.eq(hash))
                .fetchSingle().value1();
        // Olga cannot revoke Carla's token (the 404 of a missing one); Carla can.
        AgentHttp olga = PortalCustomers.signedIn(w.jotrs(), "olga", "carla-secret");
        assertThat(olga.submit(TOKENS, TOKENS + "/" + id + "/revoke", Map.of()).statusCode()).isEqualTo(404);
        assertThat(client.get("/api/v1/tickets/" + w.own()).statusCode()).isEqualTo(200);
        assertThat(w.carlaPages().submit(TOKENS, TOKENS + "/" + id + "/revoke", Map.of()).statusCode()).isEqualTo(302);
        assertProblem(client.get("/api/v1/tickets/" + w.own()), 401, "revoked");

        String expiring = issue(w.carlaPages(), "expiring", "write");
        w.db().update(JOTRS_API_TOKEN).set(JOTRS_API_TOKEN.EXPIRES_AT, java.time.LocalDateTime.now().minusMinutes(1))
                .where(JOTRS_API_TOKEN.TOKEN_HASH.eq(HexFormat.of().formatHex(sha256(expiring)))).execute();
        assertProblem(new ApiClient(w.jotrs().baseUrl(), expiring).get("/api/v1/tickets"), 401, "expired");

        // A customer user made invalid: the token stops at once.
        String invalid = issue(w.carlaPages(), "until invalid", "read");
        w.db().execute("UPDATE customer_user SET valid_id = 2 WHERE login = 'carla'");
        try {
            assertProblem(new ApiClient(w.jotrs().baseUrl(), invalid).get("/api/v1/tickets"), 401, "no longer valid");
        } finally {
            w.db().execute("UPDATE customer_user SET valid_id = 1 WHERE login = 'carla'");
        }
        // A token with a past expiry date is refused, nothing stored.
        int before = w.db().fetchCount(JOTRS_API_TOKEN);
        HttpResponse<String> past = w.carlaPages().submit(TOKENS, TOKENS,
                Map.of("name", "past", "scope", "read", "expiresOn", LocalDate.now().minusDays(1).toString()));
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(w.db().fetchCount(JOTRS_API_TOKEN)).isEqualTo(before);
    }

    @OnEveryDatabase
    void anotherCustomersTicketIsTheNotFoundOfAMissingOneAndNothingIsWritten(DatabaseKind kind) {
        World w = on(kind);
        ApiClient carla = w.carla();
        long missing = w.foreign() + 100_000;
        long olgasArticle = ((Number) w.db().fetchValue("SELECT MIN(id) FROM article WHERE ticket_id = ?", w.foreign()))
                .longValue();
        int articles = w.db().fetchCount(ARTICLE);
        List<String> leaks = new ArrayList<>();
        for (String[] pair : List.of(
                new String[] {"/api/v1/tickets/" + w.foreign(), "/api/v1/tickets/" + missing},
                new String[] {"/api/v1/tickets/" + w.foreign() + "/articles", "/api/v1/tickets/" + missing + "/articles"},
                new String[] {"/api/v1/tickets/" + w.foreign() + "/articles/" + olgasArticle,
                        "/api/v1/tickets/" + missing + "/articles/" + olgasArticle},
                new String[] {"/api/v1/tickets/" + w.foreign() + "/articles/" + olgasArticle + "/attachments/1",
                        "/api/v1/tickets/" + missing + "/articles/" + olgasArticle + "/attachments/1"},
                // Olga's article under Carla's own ticket
                new String[] {"/api/v1/tickets/" + w.own() + "/articles/" + olgasArticle,
                        "/api/v1/tickets/" + w.own() + "/articles/" + (olgasArticle + 100_000)})) {
            HttpResponse<String> foreign = carla.get(pair[0]);
            HttpResponse<String> absent = carla.get(pair[1]);
            assertProblem(foreign, 404, "");
            assertProblem(absent, 404, "");
            if (!normalised(foreign.body()).equals(normalised(absent.body())) || foreign.body().contains("Olga")) {
                leaks.add(pair[0] + " answered " + foreign.body() + " against " + absent.body());
            }
        }
        HttpResponse<String> answer = carla.post("/api/v1/tickets/" + w.foreign() + "/articles", "{\"body\": \"Let me in\"}");
        HttpResponse<String> answerMissing = carla.post("/api/v1/tickets/" + missing + "/articles", "{\"body\": \"Let me in\"}");
        assertProblem(answer, 404, "");
        assertThat(normalised(answer.body())).isEqualTo(normalised(answerMissing.body()));
        assertThat(leaks).isEmpty();
        assertThat(w.db().fetchCount(ARTICLE)).isEqualTo(articles);
        // The list shows her ticket, never Olga's, in either scope.
        for (String scope : List.of("mine", "company")) {
            JsonNode list = ApiClient.json(carla.get("/api/v1/tickets?scope=" + scope + "&status=all"));
            assertThat(list.get("items").toString()).doesNotContain("Olga");
        }
        assertThat(ApiClient.json(carla.get("/api/v1/tickets?status=all")).get("items").toString()).contains("Carla's printer");
    }

    @OnEveryDatabase
    void anInternalNoteAndItsFilesAreNeverReturned(DatabaseKind kind) {
        World w = on(kind);
        ApiClient carla = w.carla();
        HttpResponse<String> ticket = carla.get("/api/v1/tickets/" + w.own());
        assertThat(ticket.statusCode()).isEqualTo(200);
        JsonNode shown = ApiClient.json(ticket);
        assertThat(shown.get("title").asString()).isEqualTo("Carla's printer");
        assertThat(shown.has("owner")).isFalse();
        HttpResponse<String> list = carla.get("/api/v1/tickets/" + w.own() + "/articles");
        assertThat(list.body()).contains("We are on our way.").contains("visible.txt").doesNotContain(SECRET)
                .doesNotContain("internal.txt");
        assertThat(shown.get("articles").asInt()).isEqualTo(ApiClient.json(list).size());
        assertProblem(carla.get("/api/v1/tickets/" + w.own() + "/articles/" + w.internalArticle()), 404, "");
        for (int file = 0; file <= 3; file++) {
            HttpResponse<byte[]> download = carla.getBytes("/api/v1/tickets/" + w.own() + "/articles/" + w.internalArticle()
                    + "/attachments/" + file);
            assertThat(download.statusCode()).isEqualTo(404);
            assertThat(new String(download.body(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
        }
        // The visible answer's file downloads.
        JsonNode answer = null;
        for (JsonNode article : ApiClient.json(list)) {
            if (article.get("body").asString().contains("on our way")) {
                answer = article;
            }
        }
        assertThat(answer).isNotNull();
        assertThat(answer.get("sender").asString()).isEqualTo("agent");
        int fileId = answer.get("attachments").get(0).get("fileId").asInt();
        HttpResponse<byte[]> file = carla.getBytes("/api/v1/tickets/" + w.own() + "/articles/" + answer.get("id").asLong()
                + "/attachments/" + fileId);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo("visible");
    }

    @OnEveryDatabase
    void aNewTicketAndAnAnswerAreWrittenAsThePortalWritesThem(DatabaseKind kind) {
        World w = on(kind);
        ApiClient carla = w.carla();
        HttpResponse<String> created = carla.post("/api/v1/tickets", """
                {"title": "Invoice missing", "queue": "Raw",
                 "article": {"body": "The November invoice did not arrive.",
                             "attachments": [{"filename": "hello.txt", "contentType": "text/plain", "content": "aGVsbG8K"}]}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long ticketId = ApiClient.json(created).get("ticketId").asLong();
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/tickets/" + ticketId);
        assertThat(w.db().select(TICKET.CUSTOMER_USER_ID, TICKET.CUSTOMER_ID).from(TICKET).where(TICKET.ID.eq(ticketId))
                .fetchSingle().intoList()).containsExactly("carla", "ACME");
        assertThat(w.db().fetchValue("SELECT t.name FROM article a JOIN article_sender_type t ON t.id = a.article_sender_type_id"
                + " WHERE a.ticket_id = ?", ticketId)).isEqualTo("customer");

        HttpResponse<String> answered = carla.post("/api/v1/tickets/" + ticketId + "/articles",
                "{\"body\": \"Found it in the spam folder.\"}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        JsonNode article = ApiClient.json(answered);
        assertThat(article.get("sender").asString()).isEqualTo("customer");
        assertThat(article.get("body").asString()).isEqualTo("Found it in the spam folder.");
        assertThat(answered.headers().firstValue("Location").orElseThrow())
                .endsWith("/api/v1/tickets/" + ticketId + "/articles/" + article.get("id").asLong());

        // What only agents set, other kinds and an empty answer: 422 by field, nothing written.
        int tickets = w.db().fetchCount(TICKET);
        int articles = w.db().fetchCount(ARTICLE);
        HttpResponse<String> forOthers = carla.post("/api/v1/tickets", """
                {"title": "x", "queue": "Raw", "customerUser": "olga", "state": "closed successful", "ownerId": 1,
                 "article": {"body": "b"}}""");
        assertThat(forOthers.statusCode()).as(forOthers.body()).isEqualTo(422);
        JsonNode othersErrors = ApiClient.json(forOthers).get("errors");
        assertThat(List.of("customerUser", "state", "ownerId")).allMatch(othersErrors::has);
        assertProblem(carla.post("/api/v1/tickets", "{\"title\": \"\", \"queue\": \"Raw\", \"article\": {\"body\": \"b\"}}"),
                422, "");
        assertThat(ApiClient.json(carla.post("/api/v1/tickets",
                "{\"title\": \"\", \"queue\": \"Raw\", \"article\": {\"body\": \"b\"}}")).get("errors").has("title")).isTrue();
        HttpResponse<String> note = carla.post("/api/v1/tickets/" + ticketId + "/articles",
                "{\"kind\": \"note\", \"body\": \"b\", \"visibleForCustomer\": false}");
        assertThat(note.statusCode()).isEqualTo(422);
        JsonNode noteErrors = ApiClient.json(note).get("errors");
        assertThat(List.of("kind", "visibleForCustomer")).allMatch(noteErrors::has);
        assertProblem(carla.post("/api/v1/tickets/" + ticketId + "/articles", "{\"body\": \"\"}"), 422, "");
        assertProblem(carla.get("/api/v1/tickets?view=queue"), 422, "view");
        assertThat(w.db().fetchCount(TICKET)).isEqualTo(tickets);
        assertThat(w.db().fetchCount(ARTICLE)).isEqualTo(articles);
    }

    @OnEveryDatabase
    void everythingElseIs403(DatabaseKind kind) {
        World w = on(kind);
        ApiClient carla = w.carla();
        int articles = w.db().fetchCount(ARTICLE);
        String ticket = "/api/v1/tickets/" + w.own();
        List<HttpResponse<String>> refused = List.of(
                carla.get("/api/v1/queues"), carla.get("/api/v1/states"), carla.get("/api/v1/agents/me"),
                carla.get("/api/v1/agents"), carla.get("/api/v1/customer-users"), carla.get("/api/v1/companies"),
                carla.get(ticket + "/history"),
                carla.patch(ticket, "*", "{\"title\": \"mine now\"}"),
                carla.post(ticket + "/merge", "{\"into\": \"1\"}"),
                carla.post(ticket + "/links", "{\"ticketNumber\": \"1\"}"),
                carla.delete(ticket + "/links/" + w.foreign()),
                carla.put("/api/v1/customer-users/1", "{}"));
        for (HttpResponse<String> response : refused) {
            assertProblem(response, 403, "only their tickets");
        }
        assertThat(w.db().fetchCount(ARTICLE)).isEqualTo(articles);
        assertThat(w.db().fetchValue("SELECT title FROM ticket WHERE id = ?", w.own())).isEqualTo("Carla's printer");
    }

    /**
     * Every {@code sh} block of the customer users' section of docs/api.md, in order, in one bash with
     * curl and jq, with a token Carla made in the portal.
     */
    @Test
    void theCustomerExamplesOfTheDocsWork() throws Exception {
        World w = on(DatabaseKind.H2);
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("docs/api.md"));
        int start = page.indexOf("## Customer users on `/api/v1`");
        assertThat(start).isNotNegative();
        int end = page.indexOf("\n## ", start + 1);
        String docs = page.substring(start, end < 0 ? page.length() : end);
        Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(docs);
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        int blocks = 0;
        while (block.find()) {
            script.append(block.group(1)).append('\n');
            blocks++;
        }
        assertThat(blocks).isGreaterThanOrEqualTo(4);
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true);
        bash.environment().put("JOTRS", w.jotrs().baseUrl());
        bash.environment().put("CUSTOMER_TOKEN", issue(w.carlaPages(), "docs", "write"));
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Invoice missing").contains("Found it in the spam folder.").doesNotContain("Olga");
    }

    /** A problem document without the address it answered (which names the id asked for). */
    private static String normalised(String body) {
        return body.replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
