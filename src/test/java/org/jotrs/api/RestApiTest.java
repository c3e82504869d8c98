package org.jotrs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.JOTRS_API_TOKEN;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.Settings;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.AppPerDatabase;
import org.jotrs.testing.Agents;
import org.jotrs.testing.Groups;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.OnEveryDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * /api/v1 end to end, one application per database (the core cases on all three, the token form,
 * rate limit, OpenAPI document and the docs' curl examples on H2): tokens made in the preferences, the bearer door (401,
 * read-only 403, 429), problem+json for every refusal with nothing written, the same permission
 * checks as the agent screens for agents in different groups, tickets, articles, lookups,
 * customers, the OpenAPI document.
 */
class RestApiTest {

    private static final Pattern ISSUED = Pattern.compile("<code id=\"issued-token\">([^<]+)</code>");

    private static final AppPerDatabase APPS = new AppPerDatabase("--jotrs.api.max-request-size=256KB");
    private static final Map<DatabaseKind, World> WORLDS = new EnumMap<>(DatabaseKind.class);

    /** What the methods share on one database: its application, agents, tokens and a queue no one else reads. */
    private record World(RunningJotrs jotrs, DSLContext db, AgentHttp rootPages, ApiClient root, ApiClient readOnlyRoot,
            ApiClient reader, ApiClient outsider, int secretQueueId) {
    }

    /** The world of the database a test runs on; the methods run one after another. */
    private static RunningJotrs jotrs;
    private static DSLContext db;
    private static AgentHttp rootPages;
    private static ApiClient root;
    private static ApiClient reader;
    private static ApiClient outsider;
    private static ApiClient readOnlyRoot;
    private static int secretQueueId;

    private static void on(DatabaseKind kind) {
        World world = WORLDS.computeIfAbsent(kind, RestApiTest::prepare);
        jotrs = world.jotrs();
        db = world.db();
        rootPages = world.rootPages();
        root = world.root();
        readOnlyRoot = world.readOnlyRoot();
        reader = world.reader();
        outsider = world.outsider();
        secretQueueId = world.secretQueueId();
    }

    private static World prepare(DatabaseKind kind) {
        jotrs = APPS.on(kind);
        db = jotrs.bean(DSLContext.class);
        AgentHttp pages = jotrs.agent();
        pages.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
        db.execute("INSERT INTO customer_company (customer_id, name, valid_id, create_time, create_by, change_time, change_by)"
                + " VALUES ('ACME', 'Acme Inc.', 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)");
        Agents.customerCarla(db);
        // reader: ro on the group users (queue Raw); outsider: no group at all.
        int readerId = Agents.agent(db, "reader", "Rea", "Der");
        Agents.grant(db, readerId, 1, "ro");
        Agents.agent(db, "outsider", "Out", "Sider");
        int secret = Groups.group(db, "secret");
        int secretQueue = Agents.queue(db, "Secret", secret);
        Agents.grant(db, 1, secret, "rw");

        return new World(jotrs, db, pages, new ApiClient(jotrs.baseUrl(), issueThroughPreferences(pages, "ci", "write")),
                new ApiClient(jotrs.baseUrl(), issueThroughPreferences(pages, "dashboard", "read")),
                new ApiClient(jotrs.baseUrl(), tokenFor("reader", "write")),
                new ApiClient(jotrs.baseUrl(), tokenFor("outsider", "write")), secretQueue);
    }

    @AfterAll
    static void stop() {
        WORLDS.clear();
        APPS.close();
    }

    static String issueThroughPreferences(AgentHttp pages, String name, String scope) {
        HttpResponse<String> created = pages.submit("/preferences/api-tokens", "/preferences/api-tokens",
                Map.of("name", name, "scope", scope, "expiresOn", ""));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Matcher issued = ISSUED.matcher(created.body());
        assertThat(issued.find()).as("the new token is shown").isTrue();
        return issued.group(1);
    }

    private static String tokenFor(String login, String scope) {
        int id = db.fetchSingle("SELECT id FROM users WHERE login = ?", login).get(0, Integer.class);
        return jotrs.bean(ApiTokens.class).create(id, login + " script", scope, null).secret();
    }

    private static String ticket(String title) {
        return """
                {"title": "%s", "queue": "Raw", "customerUser": "carla",
                 "article": {"body": "Nothing gets through since 8:00."}}""".formatted(title);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = ApiClient.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).contains(detailPart);
    }

    private static int tickets() {
        return db.fetchCount(TICKET);
    }

    @OnEveryDatabase
    void aTokenIsShownOnceStoredHashedAndListedWithItsLastUse(DatabaseKind kind) {
        on(kind);
        String secret = issueThroughPreferences(rootPages, "once", "read");
        assertThat(secret).startsWith("jotrs_").hasSizeGreaterThan(40);
        String page = rootPages.get("/preferences/api-tokens").body();
        assertThat(page).contains("once").contains(secret.substring(0, 12)).doesNotContain(secret);
        String hash = HexFormat.of().formatHex(sha256(secret));
        assertThat(db.fetchCount(JOTRS_API_TOKEN, JOTRS_API_TOKEN.TOKEN_HASH.eq(hash))).isEqualTo(1);
        assertThat(db.fetchCount(db.selectFrom(JOTRS_API_TOKEN).where(JOTRS_API_TOKEN.TOKEN_HASH.contains(secret.substring(6))))).isZero();

        assertThat(new ApiClient(jotrs.baseUrl(), secret).get("/api/v1/agents/me").statusCode()).isEqualTo(200);
        assertThat(db.select(JOTRS_API_TOKEN.LAST_USED).from(JOTRS_API_TOKEN).where(JOTRS_API_TOKEN.TOKEN_HASH.eq(hash))
                .fetchSingle().value1()).isNotNull();
    }

    @OnEveryDatabase
    void missingUnknownRevokedAndExpiredTokensAreRefusedWith401(DatabaseKind kind) {
        on(kind);
        HttpResponse<String> none = new ApiClient(jotrs.baseUrl(), null).get("/api/v1/tickets");
        assertProblem(none, 401, "Authorization: Bearer");
        assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertProblem(new ApiClient(jotrs.baseUrl(), "jotrs_unknown").get("/api/v1/tickets"), 401, "unknown");
        assertProblem(new ApiClient(jotrs.baseUrl(), "abc").get("/api/v1/tickets"), 401, "not a Jotrs API token");

        ApiTokens tokens = jotrs.bean(ApiTokens.class);
        IssuedApiToken revoked = tokens.create(1, "to revoke", "write", null);
        assertThat(new ApiClient(jotrs.baseUrl(), revoked.secret()).get("/api/v1/agents/me").statusCode()).isEqualTo(200);
        HttpResponse<String> revoke = rootPages.submit("/preferences/api-tokens",
                "/preferences/api-tokens/" + revoked.token().id() + "/revoke", Map.of());
        assertThat(revoke.statusCode()).isEqualTo(302);
        assertProblem(new ApiClient(jotrs.baseUrl(), revoked.secret()).get("/api/v1/agents/me"), 401, "revoked");

        IssuedApiToken expiring = tokens.create(1, "expired", "write", LocalDate.now());
        db.update(JOTRS_API_TOKEN).set(JOTRS_API_TOKEN.EXPIRES_AT, java.time.LocalDateTime.now().minusMinutes(1))
                .where(JOTRS_API_TOKEN.ID.eq(expiring.token().id())).execute();
        assertProblem(new ApiClient(jotrs.baseUrl(), expiring.secret()).get("/api/v1/agents/me"), 401, "expired");
    }

    @Test
    void aTokenNeedsANameAScopeAndAFutureExpiry() {
        on(DatabaseKind.H2);
        HttpResponse<String> refused = rootPages.submit("/preferences/api-tokens", "/preferences/api-tokens",
                Map.of("name", "", "scope", "admin", "expiresOn", "2001-01-01"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Give the token a name").contains("Choose read").contains("has passed")
                .doesNotContain("issued-token");
    }

    @OnEveryDatabase
    void aReadOnlyTokenReadsButChangesNothing(DatabaseKind kind) {
        on(kind);
        int before = tickets();
        assertThat(readOnlyRoot.get("/api/v1/queues").statusCode()).isEqualTo(200);
        assertProblem(readOnlyRoot.post("/api/v1/tickets", ticket("Read only")), 403, "read-only");
        assertThat(tickets()).isEqualTo(before);
    }

    @OnEveryDatabase
    void aTicketIsCreatedReadListedAndChangedUnderIfMatch(DatabaseKind kind) {
        on(kind);
        String file = Base64.getEncoder().encodeToString("log line 1\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = root.post("/api/v1/tickets", """
                {"title": "Mail server down", "queue": "Raw", "customerUser": "carla", "priority": "4 high",
                 "article": {"body": "Nothing gets through since 8:00.",
                             "attachments": [{"filename": "server.log", "contentType": "text/plain", "content": "%s"}]}}"""
                .formatted(file));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = ApiClient.json(created).get("ticketId").asLong();
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/tickets/" + id);
        assertThat(ApiClient.json(created).get("ticketNumber").asString()).isNotBlank();

        HttpResponse<String> read = root.get("/api/v1/tickets/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode ticket = ApiClient.json(read);
        assertThat(ticket.get("title").asString()).isEqualTo("Mail server down");
        assertThat(ticket.get("queue").get("name").asString()).isEqualTo("Raw");
        assertThat(ticket.get("priority").asString()).isEqualTo("4 high");
        assertThat(ticket.get("customerUser").asString()).isEqualTo("carla");
        String etag = read.headers().firstValue("ETag").orElseThrow();

        JsonNode page = ApiClient.json(root.get("/api/v1/tickets?view=status&sort=title&order=asc&queueId=2"));
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(page.get("items").findValuesAsString("title")).contains("Mail server down");
        assertProblem(root.get("/api/v1/tickets?sort=colour"), 422, "“colour” is not a valid value for sort");
        // A client that asks for German gets the refusals in German, in the same problem+json shape.
        assertProblem(root.send(root.request("/api/v1/tickets?sort=colour").header("Accept-Language", "de-DE,de;q=0.9").GET()),
                422, "„colour“ ist kein gültiger Wert für sort");
        assertProblem(new ApiClient(jotrs.baseUrl(), null).send(new ApiClient(jotrs.baseUrl(), null)
                .request("/api/v1/tickets").header("Accept-Language", "de").GET()), 401, "Senden Sie ein API-Token");

        assertProblem(root.patch("/api/v1/tickets/" + id, null, "{\"priority\": \"5 very high\"}"), 428, "If-Match");
        HttpResponse<String> changed = root.patch("/api/v1/tickets/" + id, etag,
                "{\"priority\": \"5 very high\", \"title\": \"Mail server down again\", \"lock\": \"lock\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(ApiClient.json(changed).get("priority").asString()).isEqualTo("5 very high");
        assertThat(ApiClient.json(changed).get("lock").asString()).isEqualTo("lock");
        String newEtag = changed.headers().firstValue("ETag").orElseThrow();
        assertThat(newEtag).isNotEqualTo(etag);

        // A second writer with the old ETag is refused and changes nothing.
        assertProblem(root.patch("/api/v1/tickets/" + id, etag, "{\"priority\": \"1 very low\"}"), 412, "changed since you read it");
        assertThat(ApiClient.json(root.get("/api/v1/tickets/" + id)).get("priority").asString()).isEqualTo("5 very high");

        HttpResponse<String> unknownState = root.patch("/api/v1/tickets/" + id, newEtag, "{\"state\": \"no such state\"}");
        assertProblem(unknownState, 422, "state");
        assertThat(ApiClient.json(unknownState).get("errors").has("state")).isTrue();
        assertThat(ApiClient.json(root.get("/api/v1/tickets/" + id)).get("state").asString()).isEqualTo("open");

        JsonNode history = ApiClient.json(root.get("/api/v1/tickets/" + id + "/history"));
        assertThat(history.findValuesAsString("type")).contains("NewTicket", "PriorityUpdate", "TitleUpdate", "Lock");
    }

    @OnEveryDatabase
    void badInputIsAnsweredPreciselyAndWritesNothing(DatabaseKind kind) {
        on(kind);
        int before = tickets();
        HttpResponse<String> malformed = root.post("/api/v1/tickets", "{\"title\": \"x\",\n \"queue\": }");
        assertProblem(malformed, 400, "not valid JSON (line 2");
        assertProblem(root.post("/api/v1/tickets", "{\"title\": \"x\", \"queueId\": \"Raw\"}"), 400,
                "queueId: “Raw” is not a whole number");
        assertThat(ApiClient.json(root.post("/api/v1/tickets", "{\"queueId\": [1]}")).get("errors").has("queueId")).isTrue();
        HttpResponse<String> unknownQueue = root.post("/api/v1/tickets", ticket("x").replace("\"Raw\"", "\"Nowhere\""));
        assertProblem(unknownQueue, 422, "There is no valid queue named “Nowhere”");
        assertThat(ApiClient.json(unknownQueue).get("errors").get("queue").asString()).contains("Nowhere");
        assertProblem(root.post("/api/v1/tickets", ticket("x").replace("\"customerUser\": \"carla\",", "\"state\": \"nope\",")),
                422, "nope");
        HttpResponse<String> noTitle = root.post("/api/v1/tickets", ticket(""));
        assertProblem(noTitle, 422, "title");
        assertThat(ApiClient.json(noTitle).get("errors").has("title")).isTrue();
        HttpResponse<String> badFile = root.post("/api/v1/tickets", """
                {"title": "x", "queue": "Raw", "customerUser": "carla",
                 "article": {"body": "b", "attachments": [{"filename": "a.txt", "content": "not*base64"}]}}""");
        assertProblem(badFile, 422, "Not valid base64");
        assertThat(ApiClient.json(badFile).get("errors").has("article.attachments[0].content")).isTrue();
        assertProblem(root.post("/api/v1/tickets", "{\"title\": \"" + "x".repeat(300_000) + "\"}"), 413, "larger than");
        HttpResponse<String> chunked = root.send(root.request("/api/v1/tickets").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        ("{\"title\": \"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8)))));
        assertProblem(chunked, 413, "larger than");
        HttpResponse<String> text = root.send(root.request("/api/v1/tickets").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("title=x")));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(root.get("/api/v1/no-such-thing").statusCode()).isEqualTo(404);
        assertThat(tickets()).isEqualTo(before);
    }

    @OnEveryDatabase
    void aRefusedLockLeavesTheFieldsOfTheSameChangeUnwritten(DatabaseKind kind) {
        on(kind);
        long id = ApiClient.json(root.post("/api/v1/tickets", ticket("Priority yes, lock no"))).get("ticketId").asLong();
        // ro and priority on users: may change the priority, may not lock (that needs rw).
        int prioritizerId = Agents.agent(db, "prioritizer", "Pri", "Oritizer");
        Agents.grant(db, prioritizerId, 1, "ro");
        Agents.grant(db, prioritizerId, 1, "priority");
        ApiClient prioritizer = new ApiClient(jotrs.baseUrl(), tokenFor("prioritizer", "write"));
        String etag = prioritizer.get("/api/v1/tickets/" + id).headers().firstValue("ETag").orElseThrow();

        assertProblem(prioritizer.patch("/api/v1/tickets/" + id, etag, "{\"priority\": \"5 very high\", \"lock\": \"lock\"}"),
                403, "permission");
        JsonNode unchanged = ApiClient.json(root.get("/api/v1/tickets/" + id));
        assertThat(unchanged.get("priority").asString()).isEqualTo("3 normal");
        assertThat(unchanged.get("lock").asString()).isEqualTo("unlock");
        assertThat(ApiClient.json(root.get("/api/v1/tickets/" + id + "/history")).findValuesAsString("type"))
                .doesNotContain("PriorityUpdate", "Lock");

        // The same ETag still holds (nothing was written), and without the lock the change goes through.
        HttpResponse<String> alone = prioritizer.patch("/api/v1/tickets/" + id, etag, "{\"priority\": \"5 very high\"}");
        assertThat(alone.statusCode()).as(alone.body()).isEqualTo(200);
        assertThat(ApiClient.json(alone).get("priority").asString()).isEqualTo("5 very high");
    }

    @OnEveryDatabase
    void agentsInOtherGroupsGetWhatTheScreensGiveThem(DatabaseKind kind) {
        on(kind);
        long id = ApiClient.json(root.post("/api/v1/tickets", ticket("Only for users"))).get("ticketId").asLong();
        long secretId = ApiClient.json(root.post("/api/v1/tickets", """
                {"title": "Secret one", "queueId": %d, "customerUser": "carla", "article": {"body": "b"}}"""
                .formatted(secretQueueId))).get("ticketId").asLong();

        // reader (ro on users): reads Raw's tickets, not Secret's; may not change or create.
        assertThat(reader.get("/api/v1/tickets/" + id).statusCode()).isEqualTo(200);
        assertProblem(reader.get("/api/v1/tickets/" + secretId), 404, "There is no ticket");
        String etag = reader.get("/api/v1/tickets/" + id).headers().firstValue("ETag").orElseThrow();
        assertProblem(reader.patch("/api/v1/tickets/" + id, etag, "{\"priority\": \"1 very low\"}"), 403, "permission");
        int before = tickets();
        assertProblem(reader.post("/api/v1/tickets", ticket("From reader")), 403, "permission");
        assertThat(tickets()).isEqualTo(before);
        JsonNode readerList = ApiClient.json(reader.get("/api/v1/tickets?view=status"));
        assertThat(readerList.get("items").findValuesAsString("title")).contains("Only for users").doesNotContain("Secret one");
        assertThat(ApiClient.json(reader.get("/api/v1/queues")).findValuesAsString("name")).contains("Raw").doesNotContain("Secret");

        // outsider (no group): nothing, exactly as the zoom answers.
        assertProblem(outsider.get("/api/v1/tickets/" + id), 404, "There is no ticket");
        assertThat(ApiClient.json(outsider.get("/api/v1/tickets")).get("total").asInt()).isZero();
        assertProblem(outsider.get("/api/v1/tickets/" + id + "/articles"), 404, "There is no ticket");
        assertProblem(outsider.get("/api/v1/customer-users"), 403, "administer");
        assertThat(ApiClient.json(outsider.get("/api/v1/agents/me")).get("admin").asBoolean()).isFalse();
        assertThat(ApiClient.json(root.get("/api/v1/agents/me")).get("admin").asBoolean()).isTrue();
    }

    @OnEveryDatabase
    void articlesAreAddedListedAndTheirFilesDownloaded(DatabaseKind kind) {
        on(kind);
        long id = ApiClient.json(root.post("/api/v1/tickets", ticket("With articles"))).get("ticketId").asLong();
        byte[] content = "%PDF-1.4 fake".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> note = root.post("/api/v1/tickets/" + id + "/articles", """
                {"kind": "note", "subject": "Checked", "body": "The queue is full.",
                 "attachments": [{"filename": "report.pdf", "contentType": "application/pdf", "content": "%s"}]}"""
                .formatted(Base64.getEncoder().encodeToString(content)));
        assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
        JsonNode added = ApiClient.json(note);
        assertThat(added.get("subject").asString()).isEqualTo("Checked");
        assertThat(added.get("visibleForCustomer").asBoolean()).isFalse();
        JsonNode file = added.get("attachments").get(0);
        assertThat(file.get("filename").asString()).isEqualTo("report.pdf");
        HttpResponse<byte[]> download = root.getBytes("/api/v1/tickets/" + id + "/articles/" + added.get("id").asLong()
                + "/attachments/" + file.get("fileId").asInt());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("report.pdf");

        assertThat(root.post("/api/v1/tickets/" + id + "/articles",
                "{\"kind\": \"phone\", \"subject\": \"Called\", \"body\": \"She confirmed.\"}").statusCode()).isEqualTo(201);
        int outbox = db.fetchCount(db.selectFrom(org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_OUTBOX));
        HttpResponse<String> reply = root.post("/api/v1/tickets/" + id + "/articles",
                "{\"kind\": \"reply\", \"to\": \"carla@example.com\", \"subject\": \"Fixed\", \"body\": \"It works again.\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        assertThat(db.fetchCount(db.selectFrom(org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_OUTBOX))).isEqualTo(outbox + 1);

        JsonNode articles = ApiClient.json(root.get("/api/v1/tickets/" + id + "/articles"));
        assertThat(articles.findValuesAsString("subject")).contains("Checked", "Called")
                .anySatisfy(subject -> assertThat(subject).startsWith("RE: [Ticket#").endsWith("] Fixed"));
        int count = db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(id));
        assertProblem(root.post("/api/v1/tickets/" + id + "/articles", "{\"kind\": \"fax\", \"body\": \"x\"}"), 422, "fax");
        assertProblem(root.post("/api/v1/tickets/" + id + "/articles", "{\"kind\": \"reply\", \"to\": \"broken@\", \"body\": \"x\"}"),
                422, "broken@");
        assertThat(db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(id))).isEqualTo(count);
        assertProblem(root.get("/api/v1/tickets/" + id + "/articles/999999"), 404, "There is no article");
    }

    @OnEveryDatabase
    void ticketsAreMergedAndLinked(DatabaseKind kind) {
        on(kind);
        long first = ApiClient.json(root.post("/api/v1/tickets", ticket("First"))).get("ticketId").asLong();
        JsonNode second = ApiClient.json(root.post("/api/v1/tickets", ticket("Second")));
        JsonNode third = ApiClient.json(root.post("/api/v1/tickets", ticket("Third")));
        HttpResponse<String> linked = root.post("/api/v1/tickets/" + first + "/links",
                "{\"ticketNumber\": \"" + third.get("ticketNumber").asString() + "\", \"type\": \"parent-child\"}");
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(ApiClient.json(linked).get("links").findValuesAsString("number")).contains(third.get("ticketNumber").asString());
        HttpResponse<String> merged = root.post("/api/v1/tickets/" + first + "/merge",
                "{\"into\": \"" + second.get("ticketNumber").asString() + "\"}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(ApiClient.json(merged).get("state").asString()).isEqualTo("merged");
        assertProblem(root.post("/api/v1/tickets/" + first + "/merge", "{}"), 422, "ticket number");
    }

    @OnEveryDatabase
    void lookupsAndCustomersForAdministrators(DatabaseKind kind) {
        on(kind);
        assertThat(ApiClient.json(root.get("/api/v1/states")).findValuesAsString("name")).contains("open", "closed successful");
        assertThat(ApiClient.json(root.get("/api/v1/priorities")).findValuesAsString("name")).contains("3 normal");
        assertThat(ApiClient.json(root.get("/api/v1/types")).findValuesAsString("name")).contains("Unclassified");
        assertThat(ApiClient.json(root.get("/api/v1/agents")).findValuesAsString("login")).contains("reader", "outsider");

        HttpResponse<String> company = root.post("/api/v1/companies", "{\"customerId\": \"GLOBEX\", \"name\": \"Globex\"}");
        assertThat(company.statusCode()).as(company.body()).isEqualTo(201);
        HttpResponse<String> user = root.post("/api/v1/customer-users", """
                {"login": "homer", "firstName": "Homer", "lastName": "Simpson", "email": "homer@example.com",
                 "customerId": "GLOBEX"}""");
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        int userId = ApiClient.json(user).get("id").asInt();
        HttpResponse<String> changed = root.put("/api/v1/customer-users/" + userId, """
                {"login": "homer", "firstName": "Homer J.", "lastName": "Simpson", "email": "homer@example.com",
                 "customerId": "GLOBEX"}""");
        assertThat(ApiClient.json(changed).get("firstName").asString()).isEqualTo("Homer J.");
        assertProblem(root.post("/api/v1/customer-users", "{\"login\": \"\", \"email\": \"not-an-address\"}"), 422, "");
        assertThat(ApiClient.json(root.get("/api/v1/customer-users?search=homer")).get("total").asInt()).isEqualTo(1);
        assertThat(ApiClient.json(root.get("/api/v1/companies/GLOBEX")).get("name").asString()).isEqualTo("Globex");
        assertProblem(reader.post("/api/v1/companies", "{\"customerId\": \"X\", \"name\": \"X\"}"), 403, "administer");
    }

    @Test
    void theRateLimitAnswers429WithRetryAfter() {
        on(DatabaseKind.H2);
        Settings settings = jotrs.bean(Settings.class);
        settings.change(1, "api.rate-limit.per-minute", "3", settings.state(1, "api.rate-limit.per-minute").version());
        try {
            ApiClient limited = new ApiClient(jotrs.baseUrl(), tokenFor("reader", "read"));
            for (int i = 0; i < 3; i++) {
                assertThat(limited.get("/api/v1/priorities").statusCode()).isEqualTo(200);
            }
            HttpResponse<String> refused = limited.get("/api/v1/priorities");
            assertProblem(refused, 429, "Too many requests");
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        } finally {
            settings.reset(1, "api.rate-limit.per-minute", settings.state(1, "api.rate-limit.per-minute").version());
        }
    }

    @OnEveryDatabase
    void administratorsListAndRevokeAnyonesTokens(DatabaseKind kind) {
        on(kind);
        IssuedApiToken token = jotrs.bean(ApiTokens.class).create(
                db.fetchSingle("SELECT id FROM users WHERE login = 'outsider'").get(0, Integer.class), "outsider cron", "read", null);
        String list = rootPages.get("/admin/api-tokens").body();
        assertThat(list).contains("outsider cron").contains(token.token().prefix());
        assertThat(rootPages.submit("/admin/api-tokens", "/admin/api-tokens/" + token.token().id() + "/revoke", Map.of())
                .statusCode()).isEqualTo(302);
        assertProblem(new ApiClient(jotrs.baseUrl(), token.secret()).get("/api/v1/agents/me"), 401, "revoked");

        AgentHttp readerPages = jotrs.agent();
        readerPages.signIn("reader", Agents.passwordOf("reader"));
        assertThat(readerPages.get("/admin/api-tokens").statusCode()).isEqualTo(403);
    }

    @Test
    void theOpenApiDocumentDescribesEveryRoute() {
        on(DatabaseKind.H2);
        HttpResponse<String> document = new ApiClient(jotrs.baseUrl(), null).get("/api/v1/openapi.json");
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode openapi = ApiClient.json(document);
        assertThat(openapi.get("openapi").asString()).startsWith("3.");
        JsonNode paths = openapi.get("paths");
        var handlers = jotrs.bean("requestMappingHandlerMapping",
                org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class).getHandlerMethods();
        handlers.forEach((info, method) -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/v1/") && method.getBeanType().getPackageName().startsWith("org.jotrs.api"))
                .forEach(path -> info.getMethodsCondition().getMethods().forEach(verb -> assertThat(
                        paths.path(path).has(verb.name().toLowerCase(java.util.Locale.ROOT)))
                        .as("%s %s is documented", verb, path).isTrue())));
        assertThat(paths.has("/api/v1/tickets/{ticketId}")).isTrue();
        assertThat(document.body()).doesNotContain("\"caller\"").doesNotContain("/preferences");
        assertThat(openapi.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        HttpResponse<String> ui = new ApiClient(jotrs.baseUrl(), null).get("/api/v1/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger");
    }

    /**
     * Every {@code sh} block of the /api/v1 section of docs/api.md, in order, in one bash with curl and
     * jq: the examples work as written.
     */
    @Test
    void theExamplesOfTheDocsWork() throws Exception {
        on(DatabaseKind.H2);
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("docs/api.md"));
        int start = page.indexOf("## REST API (`/api/v1`)");
        int end = page.indexOf("\n## ", start + 1);
        String docs = page.substring(start, end < 0 ? page.length() : end);
        Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(docs);
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        int blocks = 0;
        while (block.find()) {
            script.append(block.group(1)).append('\n');
            blocks++;
        }
        assertThat(blocks).isGreaterThanOrEqualTo(8);
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true);
        bash.environment().put("JOTRS", jotrs.baseUrl());
        bash.environment().put("TOKEN", issueThroughPreferences(rootPages, "docs", "write"));
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("\"login\": \"root@localhost\"").contains("Printer on fire").contains("hello")
                .contains("\"priority\": \"5 very high\"").contains("Checked").contains("PriorityUpdate");
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
