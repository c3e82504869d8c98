package org.jotrs.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME_ATTACHMENT;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jotrs.article.ArticleService;
import org.jotrs.article.Channel;
import org.jotrs.article.NewArticle;
import org.jotrs.article.NewAttachment;
import org.jotrs.article.SenderType;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.Customers;
import org.jotrs.testing.AgentHttp;
import org.jotrs.testing.AgentHttp.FilePart;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploads, downloads and HTML articles over HTTP: multipart forms with CSRF, the read check on
 * downloads, the headers that keep stored content from running on our origin, XSS in HTML bodies
 * and file names, and too-large uploads refused with a clear message and nothing written.
 */
class ArticleFilesPagesTest {

    private static final Pattern DOWNLOAD = Pattern.compile("href=\"(/tickets/\\d+/articles/\\d+/attachments/\\d+)\"");

    private static TestDatabase database;
    private static RunningJotrs jotrs;
    private static AgentHttp root;

    @BeforeAll
    static void start() {
        database = TestDatabase.create(DatabaseKind.H2);
        jotrs = RunningJotrs.start(database, "--jotrs.article.max-attachment-size=100KB");
        root = jotrs.agent();
        root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
        DSLContext db = jotrs.bean(DSLContext.class);
        Customers.aCustomerUser("carla").in(db);
        Agents.anAgent("outsider").named("Out", "Sider").password("outsider-pw").in(db);
    }

    @AfterAll
    static void stop() {
        jotrs.close();
        database.close();
    }

    @Test
    void uploadedFilesAreListedAndDownloadedOnlyByReaders() {
        byte[] pdf = "%PDF-1.4 fake".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> created = root.submitMultipart("/tickets/new", "/tickets/new", phoneTicket("Invoice wrong"),
                List.of(new FilePart("attachments", "Rechnung März.pdf", "application/pdf", pdf),
                        new FilePart("attachments", "notes.txt", "text/plain", "line".getBytes(StandardCharsets.UTF_8))));
        assertThat(created.statusCode()).isEqualTo(302);
        String zoomPath = location(created);

        String zoom = root.get(zoomPath).body();
        assertThat(zoom).contains("Rechnung März.pdf").contains("notes.txt").contains("application/pdf");
        List<String> links = downloads(zoom);
        assertThat(links).hasSize(2);

        HttpResponse<byte[]> download = root.getBytes(links.getFirst());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .isEqualTo("Rechnung März.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).startsWith("sandbox"));

        // A note with a file, through the zoom's multipart form.
        HttpResponse<String> note = root.submitMultipart(zoomPath, zoomPath + "/note",
                Map.of("subject", "Note", "body", "Corrected invoice attached."),
                List.of(new FilePart("attachments", "corrected.pdf", "application/pdf", pdf)));
        assertThat(note.statusCode()).isEqualTo(302);
        assertThat(root.get(zoomPath).body()).contains("corrected.pdf").contains("Corrected invoice attached.");

        // Agents who may not read the ticket get neither the file nor the HTML frame.
        AgentHttp outsider = jotrs.agent();
        outsider.signIn("outsider", "outsider-pw");
        HttpResponse<byte[]> refused = outsider.getBytes(links.getFirst());
        // Not found, exactly as for a ticket that does not exist: nothing tells it exists (issue 10, item 3).
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain("%PDF");
        assertThat(outsider.get(links.getFirst().replaceFirst("attachments/\\d+$", "attachments/1")).statusCode()).isEqualTo(404);
        assertThat(root.get(links.getFirst().replaceFirst("attachments/\\d+$", "attachments/9")).statusCode()).isEqualTo(404);
        assertThat(root.get(links.getFirst().replaceFirst("/tickets/\\d+/", "/tickets/999999/")).statusCode()).isEqualTo(404);
    }

    @Test
    void htmlFilesAndHostileNamesCannotRunOnOurOrigin() {
        String hostileName = "<img src=x onerror=alert(1)>.html";
        HttpResponse<String> created = root.submitMultipart("/tickets/new", "/tickets/new", phoneTicket("Hostile"),
                List.of(new FilePart("attachments", hostileName, "text/html",
                        "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8))));
        assertThat(created.statusCode()).isEqualTo(302);
        String zoom = root.get(location(created)).body();
        assertThat(zoom).doesNotContain("<img src=x").doesNotContain("onerror=alert");
        HttpResponse<byte[]> download = root.getBytes(downloads(zoom).getFirst());
        // Active content is never served with its own type from our origin (issue 10, item 18).
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
        assertThat(download.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).startsWith("sandbox"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void htmlArticlesAreSanitisedAndFramedInASandbox() {
        long ticketId = Long.parseLong(location(root.submit("/tickets/new", "/tickets/new", phoneTicket("Mail"))).replaceAll("\\D", ""));
        String hostile = "<p onclick=\"alert(1)\">Dear agent,</p><script>alert(2)</script>"
                + "<img src=\"x\" onerror=\"alert(3)\"><a href=\"javascript:alert(4)\">click</a>"
                + "<iframe src=\"https://evil.example\"></iframe><form action=\"https://evil.example\"><input name=q></form>"
                + "<style>body{background:url(https://evil.example/track)}</style>"
                + "<svg><script>alert(5)</script></svg><img src=\"https://evil.example/pixel.gif\">"
                + "<a href=\"https://example.com/help\">help</a><img src=\"cid:chart@mail\" alt=\"chart\">";
        ArticleService articles = jotrs.bean(ArticleService.class);
        long articleId = jotrs.bean(TransactionTemplate.class).execute(status -> articles.add(new NewArticle(ticketId,
                SenderType.CUSTOMER, Channel.EMAIL, true, "carla@example.com", "Raw", "HTML mail", null, 1, hostile,
                List.of(new NewAttachment("chart.png", "image/png", new byte[] {1, 2, 3}, "<chart@mail>", "inline")))));

        String zoom = root.get("/tickets/" + ticketId).body();
        assertThat(zoom).contains("<iframe class=\"article-html\" sandbox src=\"/tickets/" + ticketId + "/articles/" + articleId + "/html\"");
        assertThat(zoom).doesNotContain("alert(");

        HttpResponse<String> frame = root.get("/tickets/" + ticketId + "/articles/" + articleId + "/html");
        assertThat(frame.statusCode()).isEqualTo(200);
        String csp = frame.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("sandbox").contains("default-src 'none'").contains("img-src data:").doesNotContain("script-src");
        // Only our own zoom may frame it; frame-ancestors overrides the X-Frame-Options: DENY every page carries.
        assertThat(csp).contains("frame-ancestors 'self'");
        assertThat(frame.body()).contains("Dear agent,").contains("href=\"https://example.com/help\"")
                .contains("src=\"data:image/png;base64,AQID\"")
                .doesNotContain("alert(").doesNotContain("<script").doesNotContain("onerror").doesNotContain("onclick")
                .doesNotContain("javascript:").doesNotContain("evil.example").doesNotContain("<iframe").doesNotContain("<form");

        AgentHttp outsider = jotrs.agent();
        outsider.signIn("outsider", "outsider-pw");
        HttpResponse<String> refused = outsider.get("/tickets/" + ticketId + "/articles/" + articleId + "/html");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("Dear agent");
    }

    @Test
    void oversizedUploadsAreRefusedWithAMessageAndWriteNothing() {
        DSLContext db = jotrs.bean(DSLContext.class);
        int tickets = db.fetchCount(TICKET);
        int articles = db.fetchCount(ARTICLE);
        int files = db.fetchCount(ARTICLE_DATA_MIME_ATTACHMENT);

        // One file over the attachment limit: the form again, with the field error (422).
        HttpResponse<String> tooBig = root.submitMultipart("/tickets/new", "/tickets/new", phoneTicket("Big scan"),
                List.of(new FilePart("attachments", "scan.tiff", "image/tiff", new byte[150 * 1024])));
        assertThat(tooBig.statusCode()).isEqualTo(422);
        assertThat(tooBig.body()).contains("The file “scan.tiff” is 150 KB; an attachment may be at most 100 KB.")
                .contains("value=\"Big scan\"");

        // A file without a name is refused too.
        HttpResponse<String> nameless = root.submitMultipart("/tickets/new", "/tickets/new", phoneTicket("Nameless"),
                List.of(new FilePart("attachments", "..", "text/plain", "x".getBytes(StandardCharsets.UTF_8))));
        assertThat(nameless.statusCode()).isEqualTo(422);
        assertThat(nameless.body()).contains("Every attachment needs a file name.");

        // A whole request over the upload limit is refused before it is parsed (413), with a message.
        HttpResponse<String> huge = root.submitMultipart("/tickets/new", "/tickets/new", phoneTicket("Huge"),
                List.of(new FilePart("attachments", "huge.bin", "application/octet-stream", new byte[2 * 1024 * 1024])));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("Nothing was saved").contains("the upload is 2 MB").contains("at most 100 KB").doesNotContain("CSRF");

        assertThat(db.fetchCount(TICKET)).isEqualTo(tickets);
        assertThat(db.fetchCount(ARTICLE)).isEqualTo(articles);
        assertThat(db.fetchCount(ARTICLE_DATA_MIME_ATTACHMENT)).isEqualTo(files);
    }

    private static List<String> downloads(String html) {
        Matcher matcher = DOWNLOAD.matcher(html);
        List<String> links = new java.util.ArrayList<>();
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    private static Map<String, String> phoneTicket(String title) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("customerUser", "carla");
        fields.put("queueId", "2");
        fields.put("title", title);
        fields.put("body", "Please look at the file.");
        fields.put("priority", "3 normal");
        fields.put("state", "open");
        fields.put("pendingUntil", "");
        return fields;
    }
}
