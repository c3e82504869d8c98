package org.jotrs.genericinterface;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jotrs.access.PasswordHashing;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.Groups;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OTRS's GenericTicketConnectorREST over HTTP, with the payloads of OTRS's documentation and its
 * GenericInterface tests (scripts/test/GenericInterface/Operation/Ticket/*.t): OTRS-shaped answers
 * field by field, OTRS's error codes, agents in different groups, customer users limited to their
 * own tickets, and refusals that write nothing.
 */
class GenericTicketConnectorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "/otrs/nph-genericinterface.pl/Webservice/GenericTicketConnectorREST";

    private static RunningJotrs jotrs;
    private static DSLContext db;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static int secretQueue;

    /** One application per database for all three stories (each starts from its own data). */
    @OnEveryDatabase
    void ticketConnector(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind); RunningJotrs running = RunningJotrs.start(database)) {
            jotrs = running;
            db = running.bean(DSLContext.class);
            Agents.customerCarla(db);
            db.execute("INSERT INTO customer_user (login, email, customer_id, first_name, last_name, valid_id, create_time,"
                    + " create_by, change_time, change_by) VALUES ('otto', 'otto@example.org', 'OTHER', 'Otto', 'Other',"
                    + " 1, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1)");
            String hash = running.bean(PasswordHashing.class).hash("carla-secret");
            db.execute("UPDATE customer_user SET pw = ? WHERE login IN ('carla', 'otto')", hash);
            int helpdesk = Agents.agent(db, "helpdesk", "Hel", "Pdesk");
            Agents.grant(db, helpdesk, 1, "rw");
            int secret = Groups.group(db, "secret");
            secretQueue = Agents.queue(db, "Secret", secret);
            int spy = Agents.agent(db, "spy", "Sec", "Ret");
            Agents.grant(db, spy, secret, "rw");

            createGetSearchUpdateAndHistoryAsOtrsAnswersThem();
            agentsOfOtherGroupsAndCustomerUsersSeeOnlyWhatTheyMay();
            badInputGetsOtrsErrorCodesAndWritesNothing();
            phoneCallsHtmlBodiesAndTimeAsOtrsStoresThem();
            customerUsersOpenAndAnswerTheirOwnTicketsOnly();
            serviceSlaAndDynamicFieldsAreRefusedAsOtrsRefusesUnknownOnes();
        }
    }

    private static void createGetSearchUpdateAndHistoryAsOtrsAnswersThem() throws Exception {
        // TicketCreate as OTRS's documentation sends it, with a base64 attachment.
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII));
        JsonNode created = call("POST", "/Ticket", """
                {"UserLogin":"helpdesk","Password":"pw-helpdesk",
                 "Ticket":{"Title":"some ticket title","Queue":"Raw","State":"open","Priority":"3 normal",
                           "CustomerUser":"carla"},
                 "Article":{"Subject":"some subject","Body":"some body","ContentType":"text/plain; charset=utf8"},
                 "Attachment":[{"Content":"%s","ContentType":"application/pdf","Filename":"StdAttachment-Test1.pdf"}]}
                """.formatted(pdf));
        assertThat(created.has("Error")).as(created.toString()).isFalse();
        String ticketId = created.get("TicketID").asString();
        assertThat(created.get("TicketNumber").asString()).matches("\\d{14,}");
        assertThat(created.get("ArticleID").asString()).matches("\\d+");
        assertThat(db.fetchValue("SELECT title FROM ticket WHERE id = " + ticketId)).isEqualTo("some ticket title");

        // SessionCreate, then TicketGet with the SessionID, all articles and attachments.
        String session = call("POST", "/Session", "{\"UserLogin\":\"helpdesk\",\"Password\":\"pw-helpdesk\"}")
                .get("SessionID").asString();
        assertThat(session).matches("[0-9a-f]{64}");
        assertThat(db.fetchValue("SELECT COUNT(*) FROM jotrs_gi_session WHERE session_hash = ?", session)).isEqualTo(0L);
        JsonNode got = get("/Ticket/" + ticketId, Map.of("SessionID", session, "AllArticles", "1", "Attachments", "1",
                "DynamicFields", "1"));
        JsonNode ticket = got.get("Ticket").get(0);
        assertThat(ticket.get("TicketID").asString()).isEqualTo(ticketId);
        assertThat(ticket.get("TicketNumber").asString()).isEqualTo(created.get("TicketNumber").asString());
        assertThat(ticket.get("Title").asString()).isEqualTo("some ticket title");
        assertThat(ticket.get("Queue").asString()).isEqualTo("Raw");
        assertThat(ticket.get("QueueID").asString()).isEqualTo("2");
        assertThat(ticket.get("State").asString()).isEqualTo("open");
        assertThat(ticket.get("StateType").asString()).isEqualTo("open");
        assertThat(ticket.get("Priority").asString()).isEqualTo("3 normal");
        assertThat(ticket.get("PriorityID").asString()).isEqualTo("3");
        assertThat(ticket.get("Lock").asString()).isEqualTo("unlock");
        assertThat(ticket.get("CustomerUserID").asString()).isEqualTo("carla");
        assertThat(ticket.get("CustomerID").asString()).isEqualTo("ACME");
        assertThat(ticket.get("Owner").asString()).isEqualTo("helpdesk");
        assertThat(ticket.get("Type").asString()).isEqualTo("Unclassified");
        assertThat(ticket.get("ArchiveFlag").asString()).isEqualTo("n");
        assertThat(ticket.get("Created").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(ticket.get("Age").asLong()).isGreaterThanOrEqualTo(0);
        JsonNode article = ticket.get("Article").get(0);
        assertThat(article.get("ArticleID").asString()).isEqualTo(created.get("ArticleID").asString());
        assertThat(article.get("ArticleNumber").asString()).isEqualTo("1");
        assertThat(article.get("Body").asString()).isEqualTo("some body");
        assertThat(article.get("SenderType").asString()).isEqualTo("agent");
        assertThat(article.get("CommunicationChannelID").asString()).isEqualTo(channelId("Internal"));
        assertThat(article.get("IsVisibleForCustomer").asString()).isEqualTo("1");
        assertThat(article.get("MimeType").asString()).isEqualTo("text/plain");
        assertThat(article.get("Charset").asString()).isEqualToIgnoringCase("utf-8");
        JsonNode attachment = article.get("Attachment").get(0);
        assertThat(attachment.get("Filename").asString()).isEqualTo("StdAttachment-Test1.pdf");
        assertThat(attachment.get("ContentType").asString()).isEqualTo("application/pdf");
        assertThat(attachment.get("Content").asString()).isEqualTo(pdf);
        assertThat(attachment.get("FilesizeRaw").asString()).isEqualTo("13");
        assertThat(attachment.get("FileID").asInt()).isEqualTo(1);

        // TicketSearch with OTRS's filters and the Znuny route prefix.
        JsonNode found = get("/Ticket", Map.of("UserLogin", "helpdesk", "Password", "pw-helpdesk", "Queues", "Raw",
                "StateType", "Open", "Title", "some ticket*", "TicketCreateTimeNewerDate", "2000-01-01 00:00:00",
                "CustomerUserLogin", "carla"));
        assertThat(found.get("TicketID").toString()).contains("\"" + ticketId + "\"");
        JsonNode znuny = getAt("/znuny/nph-genericinterface.pl/Webservice/GenericTicketConnectorREST/Ticket",
                Map.of("SessionID", session, "StateType", "Closed"));
        assertThat(znuny.has("TicketID") ? znuny.get("TicketID").toString() : "").doesNotContain("\"" + ticketId + "\"");
        assertThat(get("/Ticket", Map.of("SessionID", session, "Queues", "Nowhere")).get("Error").get("ErrorCode").asString())
                .isEqualTo("TicketSearch.InvalidParameter");

        // TicketUpdate: a state and a note in one call; an unknown state changes nothing.
        JsonNode updated = call("PATCH", "/Ticket/" + ticketId, """
                {"SessionID":"%s","Ticket":{"State":"closed successful"},
                 "Article":{"Subject":"done","Body":"fixed it","ContentType":"text/plain; charset=utf8","TimeUnit":"15"}}
                """.formatted(session));
        assertThat(updated.has("Error")).as(updated.toString()).isFalse();
        assertThat(updated.get("TicketID").asString()).isEqualTo(ticketId);
        assertThat(updated.get("ArticleID").asString()).matches("\\d+");
        assertThat(db.fetchValue("SELECT s.name FROM ticket t JOIN ticket_state s ON s.id = t.ticket_state_id WHERE t.id = "
                + ticketId)).isEqualTo("closed successful");
        long historyRows = ((Number) db.fetchValue("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = " + ticketId)).longValue();
        JsonNode refused = call("PATCH", "/Ticket/" + ticketId, """
                {"SessionID":"%s","Ticket":{"State":"no such state","Title":"changed"}}""".formatted(session));
        assertThat(refused.get("Error").get("ErrorCode").asString()).isEqualTo("TicketUpdate.InvalidParameter");
        assertThat(refused.get("Error").get("ErrorMessage").asString())
                .isEqualTo("TicketUpdate: Ticket->StateID or Ticket->State parameter is invalid!");
        assertThat(db.fetchValue("SELECT title FROM ticket WHERE id = " + ticketId)).isEqualTo("some ticket title");
        assertThat(((Number) db.fetchValue("SELECT COUNT(*) FROM ticket_history WHERE ticket_id = " + ticketId)).longValue())
                .isEqualTo(historyRows);

        // TicketHistoryGet: OTRS's history rows with their type names.
        JsonNode history = get("/TicketHistory/" + ticketId, Map.of("SessionID", session)).get("TicketHistory").get(0);
        assertThat(history.get("TicketID").asString()).isEqualTo(ticketId);
        assertThat(history.get("History").get(0).get("HistoryType").asString()).isEqualTo("NewTicket");
        assertThat(history.get("History").toString()).contains("\"HistoryType\":\"StateUpdate\"", "\"HistoryType\":\"AddNote\"");
    }

    private static void agentsOfOtherGroupsAndCustomerUsersSeeOnlyWhatTheyMay() throws Exception {
        JsonNode secret = call("POST", "/Ticket", """
                {"UserLogin":"spy","Password":"pw-spy",
                 "Ticket":{"Title":"secret plans","QueueID":"%d","State":"new","Priority":"3 normal","CustomerUser":"otto"},
                 "Article":{"Subject":"plans","Body":"the plans","MimeType":"text/plain","Charset":"utf-8"}}
                """.formatted(secretQueue));
        String secretId = secret.get("TicketID").asString();
        JsonNode carlas = call("POST", "/Ticket", """
                {"UserLogin":"helpdesk","Password":"pw-helpdesk",
                 "Ticket":{"Title":"carla's printer","Queue":"Raw","State":"new","Priority":"3 normal","CustomerUser":"carla"},
                 "Article":{"Subject":"printer","Body":"it smokes","ContentType":"text/plain; charset=utf8"}}""");
        String carlasId = carlas.get("TicketID").asString();
        call("PATCH", "/Ticket/" + carlasId, """
                {"UserLogin":"helpdesk","Password":"pw-helpdesk",
                 "Article":{"Subject":"internal","Body":"between us","ContentType":"text/plain; charset=utf8",
                            "IsVisibleForCustomer":0}}""");

        // helpdesk holds nothing on the group secret: no access, not found by search, cannot create there.
        Map<String, String> helpdesk = Map.of("UserLogin", "helpdesk", "Password", "pw-helpdesk");
        assertThat(get("/Ticket/" + secretId, helpdesk).get("Error").get("ErrorCode").asString())
                .isEqualTo("TicketGet.AccessDenied");
        JsonNode search = get("/Ticket", Map.of("UserLogin", "helpdesk", "Password", "pw-helpdesk", "Title", "secret*"));
        assertThat(search.has("TicketID")).isFalse();
        long tickets = ticketCount();
        JsonNode denied = call("POST", "/Ticket", """
                {"UserLogin":"helpdesk","Password":"pw-helpdesk",
                 "Ticket":{"Title":"x","Queue":"Secret","State":"new","Priority":"3 normal","CustomerUser":"carla"},
                 "Article":{"Subject":"x","Body":"x","ContentType":"text/plain; charset=utf8"}}""");
        assertThat(denied.get("Error").get("ErrorCode").asString()).isEqualTo("TicketCreate.AccessDenied");
        assertThat(ticketCount()).isEqualTo(tickets);
        assertThat(get("/Ticket/" + secretId, Map.of("UserLogin", "spy", "Password", "pw-spy")).get("Ticket").get(0)
                .get("Title").asString()).isEqualTo("secret plans");

        // Carla: her own ticket without the internal note, not Otto's, no history.
        String carla = call("POST", "/Session", "{\"CustomerUserLogin\":\"carla\",\"Password\":\"carla-secret\"}")
                .get("SessionID").asString();
        JsonNode own = get("/Ticket/" + carlasId, Map.of("SessionID", carla, "AllArticles", "1")).get("Ticket").get(0);
        assertThat(own.get("Article")).hasSize(1);
        assertThat(own.get("Article").get(0).get("Body").asString()).isEqualTo("it smokes");
        assertThat(get("/Ticket/" + secretId, Map.of("SessionID", carla)).get("Error").get("ErrorCode").asString())
                .isEqualTo("TicketGet.AccessDenied");
        JsonNode carlaSearch = get("/Ticket", Map.of("CustomerUserLogin", "carla", "Password", "carla-secret"));
        assertThat(carlaSearch.get("TicketID").toString()).contains("\"" + carlasId + "\"").doesNotContain("\"" + secretId + "\"");
        assertThat(get("/TicketHistory/" + carlasId, Map.of("SessionID", carla)).get("Error").get("ErrorCode").asString())
                .isEqualTo("TicketHistoryGet.AccessDenied");
        assertThat(call("POST", "/Session", "{\"CustomerUserLogin\":\"carla\",\"Password\":\"wrong\"}")
                .get("Error").get("ErrorCode").asString()).isEqualTo("SessionCreate.AuthFail");
        assertThat(get("/Ticket/" + carlasId, Map.of("SessionID", "0".repeat(64))).get("Error").get("ErrorCode").asString())
                .isEqualTo("TicketGet.AuthFail");
    }

    private static void badInputGetsOtrsErrorCodesAndWritesNothing() throws Exception {
        long tickets = ticketCount();
        assertThat(error(call("POST", "/Ticket", "{\"Ticket\":{}}")))
                .isEqualTo("TicketCreate.MissingParameter: TicketCreate: UserLogin, CustomerUserLogin or SessionID is required!");
        assertThat(error(call("POST", "/Ticket", "{\"UserLogin\":\"helpdesk\",\"Password\":\"wrong\",\"Ticket\":{\"Title\":\"x\"}}")))
                .isEqualTo("TicketCreate.AuthFail: TicketCreate: User could not be authenticated!");
        assertThat(error(call("POST", "/Ticket", """
                {"UserLogin":"helpdesk","Password":"pw-helpdesk","Ticket":{"Queue":"Raw"},"Article":{"Body":"x"}}""")))
                .isEqualTo("TicketCreate.MissingParameter: TicketCreate: Ticket->Title parameter is missing!");
        assertThat(error(call("POST", "/Ticket", create("\"Queue\":\"Nowhere\",\"State\":\"new\"", "text/plain; charset=utf8", ""))))
                .isEqualTo("TicketCreate.InvalidParameter: TicketCreate: Ticket->QueueID or Ticket->Queue parameter is invalid!");
        assertThat(error(call("POST", "/Ticket", create("\"Queue\":\"Raw\",\"State\":\"bogus\"", "text/plain; charset=utf8", ""))))
                .isEqualTo("TicketCreate.InvalidParameter: TicketCreate: Ticket->StateID or Ticket->State parameter is invalid!");
        assertThat(error(call("POST", "/Ticket", create("\"Queue\":\"Raw\",\"State\":\"new\"", "text/plain; charset=utf8",
                ",\"Attachment\":{\"Content\":\"not base64!!\",\"ContentType\":\"text/plain\",\"Filename\":\"a.txt\"}"))))
                .startsWith("TicketCreate.InvalidParameter: TicketCreate: Attachment->Content parameter is invalid!");
        assertThat(error(call("POST", "/Ticket", create("\"Queue\":\"Raw\",\"State\":\"new\"", "image/png", ""))))
                .isEqualTo("TicketCreate.InvalidParameter: TicketCreate: Article->ContentType is invalid!");

        HttpResponse<String> malformed = send("POST", BASE + "/Ticket", "{\"UserLogin\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("Error").get("ErrorCode").asString()).isEqualTo("TicketCreate.InvalidParameter");
        HttpResponse<String> unknown = send("GET", "/otrs/nph-genericinterface.pl/Webservice/NoSuchService/Ticket/1", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(send("DELETE", BASE + "/Ticket/1", null).statusCode()).isEqualTo(404);
        assertThat(error(get("/Ticket/", Map.of("UserLogin", "helpdesk", "Password", "pw-helpdesk")))).isEmpty();
        assertThat(ticketCount()).isEqualTo(tickets);
        assertThat(send("POST", BASE + "/Ticket", "{}").headers().firstValue("Set-Cookie")).isEmpty();
    }

    private static void phoneCallsHtmlBodiesAndTimeAsOtrsStoresThem() throws Exception {
        // OTRS's TicketCreate.t sends the first article as a phone call with an HTML body.
        JsonNode created = call("POST", "/Ticket", """
                {"UserLogin":"helpdesk","Password":"pw-helpdesk",
                 "Ticket":{"Title":"printer smokes","Queue":"Raw","State":"open","Priority":"3 normal","CustomerUser":"carla"},
                 "Article":{"CommunicationChannel":"Phone","SenderType":"customer","Subject":"call from carla",
                            "Body":"<p>The printer <b>smokes</b>.</p><script>alert(1)</script>","MimeType":"text/html",
                            "Charset":"utf-8","TimeUnit":"5","HistoryComment":"called in"}}""");
        assertThat(created.has("Error")).as(created.toString()).isFalse();
        String ticketId = created.get("TicketID").asString();
        String articleId = created.get("ArticleID").asString();
        assertThat(db.fetchValue("SELECT a_body FROM article_data_mime WHERE article_id = " + articleId))
                .isEqualTo("The printer smokes.");
        assertThat(db.fetchValue("SELECT a_content_type FROM article_data_mime WHERE article_id = " + articleId).toString())
                .startsWith("text/plain");
        // OTRS's column: a blob on H2 and MariaDB, base64 text on PostgreSQL.
        Object stored = db.fetchValue("SELECT content FROM article_data_mime_attachment WHERE article_id = "
                + articleId + " AND filename = 'file-2'");
        String html = new String(stored instanceof byte[] bytes ? bytes : Base64.getMimeDecoder().decode(stored.toString()),
                StandardCharsets.UTF_8);
        assertThat(html).contains("<b>smokes</b>").doesNotContain("script");
        assertThat(String.valueOf(db.fetchValue("SELECT communication_channel_id FROM article WHERE id = " + articleId)))
                .isEqualTo(channelId("Phone"));
        assertThat(((Number) db.fetchValue("SELECT SUM(time_unit) FROM time_accounting WHERE article_id = " + articleId))
                .intValue()).isEqualTo(5);
        assertThat(db.fetchValue("SELECT h.name FROM ticket_history h JOIN ticket_history_type t ON t.id = h.history_type_id"
                + " WHERE t.name = 'NewTicket' AND h.article_id = " + articleId)).isEqualTo("called in");

        // TicketGet: the body as text, no HTML part among the files unless HTMLBodyAsAttachment asks for it.
        Map<String, String> helpdesk = Map.of("UserLogin", "helpdesk", "Password", "pw-helpdesk", "AllArticles", "1",
                "Attachments", "1");
        JsonNode article = get("/Ticket/" + ticketId, helpdesk).get("Ticket").get(0).get("Article").get(0);
        assertThat(article.get("Body").asString()).isEqualTo("The printer smokes.");
        assertThat(article.get("MimeType").asString()).isEqualTo("text/plain");
        assertThat(article.get("SenderType").asString()).isEqualTo("customer");
        assertThat(article.get("CommunicationChannelID").asString()).isEqualTo(channelId("Phone"));
        assertThat(article.get("TimeUnit").asString()).isEqualTo("5");
        assertThat(article.get("Attachment")).isEmpty();
        Map<String, String> asAttachment = new java.util.HashMap<>(helpdesk);
        asAttachment.put("HTMLBodyAsAttachment", "1");
        JsonNode htmlPart = get("/Ticket/" + ticketId, asAttachment).get("Ticket").get(0).get("Article").get(0)
                .get("Attachment").get(0);
        assertThat(htmlPart.get("Filename").asString()).isEqualTo("file-2");
        assertThat(htmlPart.get("ContentType").asString()).startsWith("text/html");
        assertThat(new String(Base64.getDecoder().decode(htmlPart.get("Content").asString()), StandardCharsets.UTF_8))
                .contains("<b>smokes</b>");

        // TicketUpdate with an HTML note: stored the same way.
        JsonNode note = call("PATCH", "/Ticket/" + ticketId, """
                {"UserLogin":"helpdesk","Password":"pw-helpdesk",
                 "Article":{"Subject":"toner","Body":"<ul><li>new toner</li></ul>","ContentType":"text/html; charset=utf-8"}}""");
        String noteId = note.get("ArticleID").asString();
        assertThat(db.fetchValue("SELECT a_body FROM article_data_mime WHERE article_id = " + noteId).toString())
                .contains("new toner").doesNotContain("<li>");
        assertThat(db.fetchValue("SELECT COUNT(*) FROM article_data_mime_attachment WHERE article_id = " + noteId
                + " AND filename = 'file-2'").toString()).isEqualTo("1");

        // An unknown channel or article type, or history type, is refused and writes nothing.
        long tickets = ticketCount();
        assertThat(error(call("POST", "/Ticket", create("\"Queue\":\"Raw\",\"State\":\"new\"", "text/plain; charset=utf8", "")
                .replace("\"Subject\":\"s\"", "\"Subject\":\"s\",\"CommunicationChannel\":\"Email\""))))
                .isEqualTo("TicketCreate.InvalidParameter: TicketCreate: Article->CommunicationChannel or"
                        + " Article->CommunicationChannelID parameter is invalid or not supported!");
        assertThat(error(call("POST", "/Ticket", create("\"Queue\":\"Raw\",\"State\":\"new\"", "text/plain; charset=utf8", "")
                .replace("\"Subject\":\"s\"", "\"Subject\":\"s\",\"HistoryType\":\"Gossip\""))))
                .isEqualTo("TicketCreate.InvalidParameter: TicketCreate: Article->HistoryType parameter is invalid!");
        JsonNode byType = call("POST", "/Ticket", create("\"Queue\":\"Raw\",\"State\":\"new\"", "text/plain; charset=utf8", "")
                .replace("\"Subject\":\"s\"", "\"Subject\":\"s\",\"ArticleType\":\"phone\""));
        assertThat(String.valueOf(db.fetchValue("SELECT communication_channel_id FROM article WHERE id = "
                + byType.get("ArticleID").asString()))).isEqualTo(channelId("Phone"));
        assertThat(ticketCount()).isEqualTo(tickets + 1);
    }

    private static void customerUsersOpenAndAnswerTheirOwnTicketsOnly() throws Exception {
        JsonNode created = call("POST", "/Ticket", """
                {"CustomerUserLogin":"carla","Password":"carla-secret",
                 "Ticket":{"Title":"VPN drops","Queue":"Raw","State":"new","Priority":"3 normal","CustomerUser":"carla"},
                 "Article":{"Subject":"VPN drops","Body":"every hour","ContentType":"text/plain; charset=utf8"}}""");
        assertThat(created.has("Error")).as(created.toString()).isFalse();
        String ticketId = created.get("TicketID").asString();
        assertThat(db.fetchValue("SELECT customer_user_id FROM ticket WHERE id = " + ticketId)).isEqualTo("carla");
        assertThat(db.fetchValue("SELECT s.name FROM article a JOIN article_sender_type s ON s.id = a.article_sender_type_id"
                + " WHERE a.id = " + created.get("ArticleID").asString())).isEqualTo("customer");
        assertThat(db.fetchValue("SELECT COUNT(*) FROM ticket_history h JOIN ticket_history_type t ON t.id = h.history_type_id"
                + " WHERE t.name = 'WebRequestCustomer' AND h.ticket_id = " + ticketId).toString()).isEqualTo("1");

        // Her answer on her ticket; not a field change, not on someone else's ticket, not for someone else.
        String carla = call("POST", "/Session", "{\"CustomerUserLogin\":\"carla\",\"Password\":\"carla-secret\"}")
                .get("SessionID").asString();
        JsonNode answered = call("PATCH", "/Ticket/" + ticketId, """
                {"SessionID":"%s","Article":{"Subject":"more","Body":"also at night","ContentType":"text/plain; charset=utf8"}}"""
                .formatted(carla));
        assertThat(answered.has("Error")).as(answered.toString()).isFalse();
        assertThat(db.fetchValue("SELECT a_body FROM article_data_mime WHERE article_id = " + answered.get("ArticleID").asString()))
                .isEqualTo("also at night");
        long articles = ((Number) db.fetchValue("SELECT COUNT(*) FROM article")).longValue();
        long tickets = ticketCount();
        assertThat(error(call("PATCH", "/Ticket/" + ticketId, """
                {"SessionID":"%s","Ticket":{"State":"closed successful"}}""".formatted(carla))))
                .isEqualTo("TicketUpdate.AccessDenied: TicketUpdate: Customer users can only add an article, not change Ticket fields!");
        String ottos = db.fetchValue("SELECT MIN(id) FROM ticket WHERE customer_user_id = 'otto'").toString();
        assertThat(error(call("PATCH", "/Ticket/" + ottos, """
                {"SessionID":"%s","Article":{"Subject":"x","Body":"x","ContentType":"text/plain; charset=utf8"}}""".formatted(carla))))
                .isEqualTo("TicketUpdate.AccessDenied: TicketUpdate: User does not have access to the ticket!");
        assertThat(error(call("POST", "/Ticket", """
                {"SessionID":"%s",
                 "Ticket":{"Title":"for otto","Queue":"Raw","State":"new","Priority":"3 normal","CustomerUser":"otto"},
                 "Article":{"Subject":"x","Body":"x","ContentType":"text/plain; charset=utf8"}}""".formatted(carla))))
                .isEqualTo("TicketCreate.AccessDenied: TicketCreate: Customer users can only create tickets for themselves!");
        assertThat(error(call("POST", "/Ticket", """
                {"SessionID":"%s",
                 "Ticket":{"Title":"x","Queue":"Raw","State":"new","Priority":"3 normal","CustomerUser":"carla"},
                 "Article":{"Subject":"x","Body":"x","ContentType":"text/plain; charset=utf8","TimeUnit":"3"}}""".formatted(carla))))
                .startsWith("TicketCreate.InvalidParameter: TicketCreate: Article->TimeUnit parameter is invalid!");
        assertThat(ticketCount()).isEqualTo(tickets);
        assertThat(((Number) db.fetchValue("SELECT COUNT(*) FROM article")).longValue()).isEqualTo(articles);
    }

    private static void serviceSlaAndDynamicFieldsAreRefusedAsOtrsRefusesUnknownOnes() throws Exception {
        long tickets = ticketCount();
        assertThat(error(call("POST", "/Ticket", create("\"Queue\":\"Raw\",\"State\":\"new\",\"Service\":\"Gold\"",
                "text/plain; charset=utf8", ""))))
                .isEqualTo("TicketCreate.InvalidParameter: TicketCreate: Ticket->ServiceID or Ticket->Service parameter is invalid!");
        assertThat(error(call("POST", "/Ticket", create("\"Queue\":\"Raw\",\"State\":\"new\",\"SLAID\":\"1\"",
                "text/plain; charset=utf8", ""))))
                .isEqualTo("TicketCreate.InvalidParameter: TicketCreate: Ticket->SLAID or Ticket->SLA parameter is invalid!");
        assertThat(error(call("POST", "/Ticket", create("\"Queue\":\"Raw\",\"State\":\"new\"", "text/plain; charset=utf8",
                ",\"DynamicField\":{\"Name\":\"Nope\",\"Value\":\"x\"}"))))
                .isEqualTo("TicketCreate.InvalidParameter: TicketCreate: DynamicField->Name parameter is invalid!");
        assertThat(error(call("POST", "/Ticket", create("\"Queue\":\"Raw\",\"State\":\"new\"", "text/plain; charset=utf8",
                ",\"DynamicField\":{\"Name\":\"Nope\"}"))))
                .isEqualTo("TicketCreate.MissingParameter: TicketCreate: DynamicField->Value  parameter is missing!");
        assertThat(ticketCount()).isEqualTo(tickets);
    }

    private static String channelId(String name) {
        return String.valueOf(db.fetchValue("SELECT id FROM communication_channel WHERE name = ?", name));
    }

    private static String create(String queue, String contentType, String extra) {
        return """
                {"UserLogin":"helpdesk","Password":"pw-helpdesk",
                 "Ticket":{"Title":"t",%s,"Priority":"3 normal","CustomerUser":"carla"},
                 "Article":{"Subject":"s","Body":"b","ContentType":"%s"}%s}""".formatted(queue, contentType, extra);
    }

    private static long ticketCount() {
        return ((Number) db.fetchValue("SELECT COUNT(*) FROM ticket")).longValue();
    }

    private static String error(JsonNode answer) {
        JsonNode error = answer.get("Error");
        return error == null ? "" : error.get("ErrorCode").asString() + ": " + error.get("ErrorMessage").asString();
    }

    private static JsonNode call(String method, String route, String body) throws Exception {
        HttpResponse<String> response = send(method, BASE + route, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode get(String route, Map<String, String> query) throws Exception {
        return getAt(BASE + route, query);
    }

    private static JsonNode getAt(String path, Map<String, String> query) throws Exception {
        StringBuilder url = new StringBuilder(path).append('?');
        query.forEach((key, value) -> url.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        HttpResponse<String> response = send("GET", url.toString(), null);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jotrs.baseUrl() + path))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
