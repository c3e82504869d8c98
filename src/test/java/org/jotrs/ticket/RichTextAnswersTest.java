package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME_ATTACHMENT;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_OUTBOX;
import static org.jotrs.platform.db.schema.Tables.QUEUE_STANDARD_TEMPLATE;
import static org.jotrs.platform.db.schema.Tables.STANDARD_TEMPLATE;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

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
 * Answers written in the rich-text editor: the posted HTML is sanitised on the server, stored as
 * OTRS stores an HTML article (plain text in {@code a_body}, the HTML as {@code file-2}) and sent
 * as {@code multipart/alternative}; a note and the first article of a new phone or email ticket keep
 * their HTML the same way.
 */
class RichTextAnswersTest {

    private static final String HOSTILE = "<div>Hello <b>Carla</b>,</div><ul><li>restart it</li><li>print</li></ul>"
            + "<script>alert(1)</script><img src=x onerror=\"alert(2)\">"
            + "<div><a href=\"javascript:alert(3)\">click</a> <a href=\"https://example.com/guide\">guide</a></div>";

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static AgentHttp root;
    private static DSLContext db;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        jotrs = RunningJotrs.start(database);
        root = jotrs.agent();
        root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
        db = jotrs.bean(DSLContext.class);
        Agents.customerCarla(db);
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

    private static long lastArticle(long ticketId) {
        return db.select(ARTICLE.ID).from(ARTICLE).where(ARTICLE.TICKET_ID.eq(ticketId)).orderBy(ARTICLE.ID.desc())
                .limit(1).fetchSingle(ARTICLE.ID);
    }

    @Test
    void aRichReplyIsSanitisedStoredAsOtrsDoesAndSentAsAlternative() throws Exception {
        long id = ticket("Printer offline");
        String form = root.get("/tickets/" + id + "/reply").body();
        assertThat(form).contains("data-rich").contains("role=\"toolbar\"").contains("/js/editor.js");

        HttpResponse<String> sent = root.submitMultipart("/tickets/" + id + "/reply", "/tickets/" + id + "/reply",
                Map.of("to", "carla@example.com", "subject", "RE: Printer offline", "body", "ignored plain text",
                        "bodyHtml", HOSTILE), List.of());
        assertThat(sent.statusCode()).isEqualTo(302);

        long article = lastArticle(id);
        var mime = db.selectFrom(ARTICLE_DATA_MIME).where(ARTICLE_DATA_MIME.ARTICLE_ID.eq(article)).fetchSingle();
        assertThat(mime.getABody()).isEqualTo("Hello Carla,\n- restart it\n- print\n\nclick guide <https://example.com/guide>");
        assertThat(mime.getAContentType()).isEqualTo("text/plain; charset=utf-8");
        var html = db.selectFrom(ARTICLE_DATA_MIME_ATTACHMENT).where(ARTICLE_DATA_MIME_ATTACHMENT.ARTICLE_ID.eq(article))
                .fetchSingle();
        assertThat(html.getFilename()).isEqualTo("file-2");
        assertThat(html.getContentType()).isEqualTo("text/html; charset=\"utf-8\"");
        String stored = new String(html.getContent(), StandardCharsets.UTF_8);
        assertThat(stored).contains("<b>Carla</b>", "<li>restart it</li>", "href=\"https://example.com/guide\"")
                .doesNotContain("<script", "alert(", "onerror", "javascript:", "<img");

        String raw = db.select(JOTRS_MAIL_OUTBOX.RAW_MESSAGE).from(JOTRS_MAIL_OUTBOX)
                .where(JOTRS_MAIL_OUTBOX.ARTICLE_ID.eq(article)).fetchSingle(JOTRS_MAIL_OUTBOX.RAW_MESSAGE);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(mime.getABody());
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
        assertThat((String) parts.getBodyPart(1).getContent()).isEqualTo(stored);

        // The zoom shows it in the sandboxed frame, sanitised again.
        assertThat(root.get("/tickets/" + id).body()).contains("/articles/" + article + "/html");
        assertThat(root.get("/tickets/" + id + "/articles/" + article + "/html").body())
                .contains("<b>Carla</b>").doesNotContain("<script");
    }

    @Test
    void anEmptyEditorIsRefusedAndKeepsWhatWasWritten() {
        long id = ticket("Scanner");
        int articles = db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(id));
        HttpResponse<String> refused = root.submitMultipart("/tickets/" + id + "/reply", "/tickets/" + id + "/reply",
                Map.of("to", "carla@example.com", "subject", "RE: Scanner", "body", "",
                        "bodyHtml", "<div><br></div><script>alert(1)</script>"), List.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Enter the text of the mail.")
                // given back to the editor as an escaped attribute, never as markup
                .contains("data-html=\"&lt;div>&lt;br>&lt;/div>&lt;script>alert(1)&lt;/script>\"")
                .doesNotContain("<script>alert(1)");
        assertThat(db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(id))).isEqualTo(articles);
        assertThat(db.fetchCount(JOTRS_MAIL_OUTBOX)).isLessThanOrEqualTo(1);
    }

    private static int template(String name, String type, String text, Integer queueId) {
        java.time.LocalDateTime now = java.time.LocalDateTime.now();
        int id = db.insertInto(STANDARD_TEMPLATE).set(STANDARD_TEMPLATE.NAME, name).set(STANDARD_TEMPLATE.TEXT, text)
                .set(STANDARD_TEMPLATE.CONTENT_TYPE, "text/plain; charset=utf-8").set(STANDARD_TEMPLATE.TEMPLATE_TYPE, type)
                .set(STANDARD_TEMPLATE.VALID_ID, (short) 1).set(STANDARD_TEMPLATE.CREATE_TIME, now)
                .set(STANDARD_TEMPLATE.CREATE_BY, 1).set(STANDARD_TEMPLATE.CHANGE_TIME, now)
                .set(STANDARD_TEMPLATE.CHANGE_BY, 1).returning(STANDARD_TEMPLATE.ID).fetchSingle().getId();
        if (queueId != null) {
            db.insertInto(QUEUE_STANDARD_TEMPLATE).set(QUEUE_STANDARD_TEMPLATE.QUEUE_ID, queueId)
                    .set(QUEUE_STANDARD_TEMPLATE.STANDARD_TEMPLATE_ID, id).set(QUEUE_STANDARD_TEMPLATE.CREATE_TIME, now)
                    .set(QUEUE_STANDARD_TEMPLATE.CREATE_BY, 1).set(QUEUE_STANDARD_TEMPLATE.CHANGE_TIME, now)
                    .set(QUEUE_STANDARD_TEMPLATE.CHANGE_BY, 1).execute();
        }
        return id;
    }

    @Test
    void aTemplatesTextIsServedForInsertingAtTheCursor() {
        long id = ticket("Password reset");
        int answer = template("Reset done", "Answer", "Your password for <OTRS_TICKET_Title> was reset, "
                + "<OTRS_CUSTOMER_REALNAME>.", 2);
        int forward = template("To the vendor", "Forward", "Please look at this.", 2);
        int elsewhere = template("Other queue", "Answer", "Not here.", null);
        String form = root.get("/tickets/" + id + "/reply").body();
        assertThat(form).contains("data-templates=\"/tickets/" + id + "/reply/templates/\"")
                .contains("data-insert=\"Insert at the cursor\"");

        HttpResponse<String> text = root.get("/tickets/" + id + "/reply/templates/" + answer);
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(text.body()).isEqualTo("Your password for Password reset was reset, Carla Customer.");
        assertThat(root.get("/tickets/" + id + "/forward/templates/" + forward).body()).isEqualTo("Please look at this.");
        // Only what the queue offers for this kind of mail.
        assertThat(root.get("/tickets/" + id + "/reply/templates/" + forward).statusCode()).isEqualTo(404);
        assertThat(root.get("/tickets/" + id + "/reply/templates/" + elsewhere).statusCode()).isEqualTo(404);
        assertThat(root.get("/tickets/" + id + "/reply/templates/999999").statusCode()).isEqualTo(404);
        assertThat(root.get("/tickets/999999/reply/templates/" + answer).statusCode()).isEqualTo(404);
    }

    @Test
    void aRichNoteKeepsItsHtml() {
        long id = ticket("Toner");
        HttpResponse<String> noted = root.submitMultipart("/tickets/" + id, "/tickets/" + id + "/note",
                Map.of("subject", "Note", "body", "", "bodyHtml", "<div>Ordered <i>two</i> cartridges</div>"
                        + "<img src=x onerror=alert(1)>"), List.of());
        assertThat(noted.statusCode()).isEqualTo(302);
        long article = lastArticle(id);
        assertThat(db.select(ARTICLE_DATA_MIME.A_BODY).from(ARTICLE_DATA_MIME)
                .where(ARTICLE_DATA_MIME.ARTICLE_ID.eq(article)).fetchSingle(ARTICLE_DATA_MIME.A_BODY))
                .isEqualTo("Ordered two cartridges");
        String stored = new String(db.select(ARTICLE_DATA_MIME_ATTACHMENT.CONTENT).from(ARTICLE_DATA_MIME_ATTACHMENT)
                .where(ARTICLE_DATA_MIME_ATTACHMENT.ARTICLE_ID.eq(article)).fetchSingle(ARTICLE_DATA_MIME_ATTACHMENT.CONTENT),
                StandardCharsets.UTF_8);
        assertThat(stored).contains("<i>two</i>").doesNotContain("onerror", "<img");
    }

    @Test
    void theNoteAndPhoneCallFormsOfferTheEditor() {
        long id = ticket("Cable");
        assertThat(root.get("/tickets/" + id).body()).contains("id=\"note-body\" name=\"body\" rows=\"5\" data-rich")
                .contains("data-for=\"note-body\"").contains("id=\"phone-body\" name=\"body\" rows=\"4\" data-rich")
                .contains("data-for=\"phone-body\"").contains("/js/editor.js");
    }

    @Test
    void aRichPhoneCallKeepsItsHtml() {
        long id = ticket("Invoice");
        HttpResponse<String> logged = root.submitMultipart("/tickets/" + id, "/tickets/" + id + "/phone",
                Map.of("direction", "outbound", "subject", "Call", "body", "", "bodyHtml",
                        "<div>Will send the <b>invoice</b></div><script>alert(1)</script>"), List.of());
        assertThat(logged.statusCode()).isEqualTo(302);
        long article = lastArticle(id);
        assertThat(db.select(ARTICLE_DATA_MIME.A_BODY).from(ARTICLE_DATA_MIME)
                .where(ARTICLE_DATA_MIME.ARTICLE_ID.eq(article)).fetchSingle(ARTICLE_DATA_MIME.A_BODY))
                .isEqualTo("Will send the invoice");
        String stored = new String(db.select(ARTICLE_DATA_MIME_ATTACHMENT.CONTENT).from(ARTICLE_DATA_MIME_ATTACHMENT)
                .where(ARTICLE_DATA_MIME_ATTACHMENT.ARTICLE_ID.eq(article)).fetchSingle(ARTICLE_DATA_MIME_ATTACHMENT.CONTENT),
                StandardCharsets.UTF_8);
        assertThat(stored).contains("<b>invoice</b>").doesNotContain("<script");

        int articles = db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(id));
        HttpResponse<String> empty = root.submitMultipart("/tickets/" + id, "/tickets/" + id + "/phone",
                Map.of("direction", "outbound", "subject", "Call", "body", "", "bodyHtml", "<div><br></div>"), List.of());
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Enter what was said.");
        assertThat(db.fetchCount(ARTICLE, ARTICLE.TICKET_ID.eq(id))).isEqualTo(articles);
    }

    private static long createdTicket(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void aRichPhoneTicketIsSanitisedAndStoredAsOtrsDoes() {
        String form = root.get("/tickets/new").body();
        assertThat(form).contains("data-rich").contains("data-for=\"body\"").contains("/js/editor.js");

        long id = createdTicket(root.submitMultipart("/tickets/new", "/tickets/new", Map.of("customerUser", "carla",
                "queueId", "2", "title", "Router blinks", "body", "ignored plain text", "bodyHtml", HOSTILE), List.of()));
        long article = lastArticle(id);
        var mime = db.selectFrom(ARTICLE_DATA_MIME).where(ARTICLE_DATA_MIME.ARTICLE_ID.eq(article)).fetchSingle();
        assertThat(mime.getABody()).isEqualTo("Hello Carla,\n- restart it\n- print\n\nclick guide <https://example.com/guide>");
        var html = db.selectFrom(ARTICLE_DATA_MIME_ATTACHMENT).where(ARTICLE_DATA_MIME_ATTACHMENT.ARTICLE_ID.eq(article))
                .fetchSingle();
        assertThat(html.getFilename()).isEqualTo("file-2");
        assertThat(html.getContentType()).isEqualTo("text/html; charset=\"utf-8\"");
        assertThat(new String(html.getContent(), StandardCharsets.UTF_8))
                .contains("<b>Carla</b>", "<li>restart it</li>", "href=\"https://example.com/guide\"")
                .doesNotContain("<script", "alert(", "onerror", "javascript:", "<img");
        assertThat(root.get("/tickets/" + id + "/articles/" + article + "/html").body()).contains("<b>Carla</b>");
    }

    @Test
    void aRichEmailTicketIsSentAsAlternative() throws Exception {
        String form = root.get("/tickets/new/email").body();
        assertThat(form).contains("data-rich").contains("/js/editor.js");

        long id = createdTicket(root.submitMultipart("/tickets/new/email", "/tickets/new/email", Map.of("customerUser",
                "carla", "queueId", "2", "title", "Your new laptop", "body", "", "bodyHtml", HOSTILE), List.of()));
        long article = lastArticle(id);
        var mime = db.selectFrom(ARTICLE_DATA_MIME).where(ARTICLE_DATA_MIME.ARTICLE_ID.eq(article)).fetchSingle();
        assertThat(mime.getABody()).isEqualTo("Hello Carla,\n- restart it\n- print\n\nclick guide <https://example.com/guide>");
        String stored = new String(db.select(ARTICLE_DATA_MIME_ATTACHMENT.CONTENT).from(ARTICLE_DATA_MIME_ATTACHMENT)
                .where(ARTICLE_DATA_MIME_ATTACHMENT.ARTICLE_ID.eq(article)).fetchSingle(ARTICLE_DATA_MIME_ATTACHMENT.CONTENT),
                StandardCharsets.UTF_8);
        assertThat(stored).contains("<b>Carla</b>").doesNotContain("<script", "onerror", "javascript:");

        String raw = db.select(JOTRS_MAIL_OUTBOX.RAW_MESSAGE).from(JOTRS_MAIL_OUTBOX)
                .where(JOTRS_MAIL_OUTBOX.ARTICLE_ID.eq(article)).fetchSingle(JOTRS_MAIL_OUTBOX.RAW_MESSAGE);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(mime.getABody());
        assertThat((String) parts.getBodyPart(1).getContent()).isEqualTo(stored);
    }

    @Test
    void anEmptyEditorOnANewTicketIsRefusedAndGivenBackEscaped() {
        int tickets = db.fetchCount(org.jotrs.platform.db.schema.Tables.TICKET);
        HttpResponse<String> refused = root.submitMultipart("/tickets/new", "/tickets/new", Map.of("customerUser",
                "carla", "queueId", "2", "title", "Nothing said", "body", "",
                "bodyHtml", "<div><br></div><script>alert(1)</script>"), List.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Enter what the customer said.")
                .contains("data-html=\"&lt;div>&lt;br>&lt;/div>&lt;script>alert(1)&lt;/script>\"")
                .doesNotContain("<script>alert(1)");
        assertThat(db.fetchCount(org.jotrs.platform.db.schema.Tables.TICKET)).isEqualTo(tickets);
    }
}
