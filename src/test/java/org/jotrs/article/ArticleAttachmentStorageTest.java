package org.jotrs.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jotrs.platform.db.schema.Tables.ARTICLE;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME_ATTACHMENT;
import static org.jotrs.platform.db.schema.Tables.TICKET;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Customers;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attachments on every database, in both OTRS storage backends: the OTRS encoding per database
 * (checked with raw SQL), the ArticleStorageFS layout, reading across backends after a switch,
 * no file and no row after a rollback, size and name refusals that write nothing, HTML bodies.
 */
class ArticleAttachmentStorageTest {

    private static final int ROOT = 1;
    private static final int RAW = 2;
    /** Every byte value, so any text conversion on the way would show. */
    private static final byte[] BINARY = binary(3000);

    @OnEveryDatabase
    void storesAttachmentsTheOtrsWayInEitherBackendAndReadsBoth(DatabaseKind kind) throws Exception {
        Path storage = Files.createTempDirectory("jotrs-article-");
        try (TestDatabase database = TestDatabase.create(kind)) {
            String today = LocalDate.now().format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
            CreatedTicket onFiles;
            long rolledBackTicket;
            try (RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.article.storage=filesystem",
                    "--jotrs.article.storage-path=" + storage, "--jotrs.article.max-attachment-size=64KB")) {
                DSLContext db = jotrs.bean(DSLContext.class);
                TicketService tickets = jotrs.bean(TicketService.class);
                customer(db);
                onFiles = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(RAW, "carla", "Scanner", "See the scan.",
                        null, null, null, List.of(new NewAttachment("scan.pdf", "application/pdf", BINARY),
                                new NewAttachment("scan.pdf", "application/pdf", "second".getBytes(StandardCharsets.UTF_8)),
                                new NewAttachment("Grüße 報告.txt", "text/plain", "hi".getBytes(StandardCharsets.UTF_8)))));

                // ArticleStorageFS: <root>/YYYY/MM/DD/<article id>/<name> with companion files, nothing in the table.
                Path folder = storage.resolve(today).resolve(Long.toString(onFiles.articleId()));
                assertThat(Files.readAllBytes(folder.resolve("scan.pdf"))).isEqualTo(BINARY);
                assertThat(Files.readString(folder.resolve("scan.pdf.content_type"))).isEqualTo("application/pdf");
                assertThat(Files.readString(folder.resolve("scan.pdf.disposition"))).isEqualTo("attachment");
                assertThat(Files.readString(folder.resolve("scan-1.pdf"))).isEqualTo("second");
                assertThat(Files.readString(folder.resolve("Grüße 報告.txt"))).isEqualTo("hi");
                assertThat(db.fetchCount(ARTICLE_DATA_MIME_ATTACHMENT)).isZero();
                assertThat(db.select(ARTICLE_DATA_MIME.CONTENT_PATH).from(ARTICLE_DATA_MIME)
                        .where(ARTICLE_DATA_MIME.ARTICLE_ID.eq(onFiles.articleId())).fetchSingle().value1()).isEqualTo(today);
                assertThat(tickets.details(ROOT, onFiles.ticketId()).articles().getFirst().attachments())
                        .extracting(AttachmentInfo::filename)
                        .containsExactly("Grüße 報告.txt", "scan-1.pdf", "scan.pdf");

                // A rollback after the files were written leaves neither rows nor files.
                rolledBackTicket = onFiles.ticketId();
                ArticleService articles = jotrs.bean(ArticleService.class);
                TransactionTemplate transaction = jotrs.bean(TransactionTemplate.class);
                int articlesBefore = db.fetchCount(ARTICLE);
                long[] doomed = new long[1];
                assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    doomed[0] = articles.add(new NewArticle(rolledBackTicket, SenderType.AGENT, Channel.INTERNAL, false,
                            "root", null, "Doomed", "x", ROOT,
                            List.of(new NewAttachment("doomed.bin", "application/octet-stream", BINARY))));
                    assertThat(storage.resolve(today).resolve(Long.toString(doomed[0])).resolve("doomed.bin")).exists();
                    throw new IllegalStateException("something later in the use case failed");
                })).hasMessageContaining("something later");
                assertThat(db.fetchCount(ARTICLE)).isEqualTo(articlesBefore);
                assertThat(storage.resolve(today).resolve(Long.toString(doomed[0]))).doesNotExist();
                assertThat(filesUnder(storage)).noneMatch(path -> path.contains("doomed"));

                // Refusals write nothing: oversized, nameless.
                int ticketsBefore = db.fetchCount(TICKET);
                List<String> filesBefore = filesUnder(storage);
                assertThatThrownBy(() -> tickets.createPhoneTicket(ROOT, new NewPhoneTicket(RAW, "carla", "Big", "Too big.",
                        null, null, null, List.of(new NewAttachment("big.iso", "application/octet-stream", new byte[65 * 1024 + 1])))))
                        .isInstanceOfSatisfying(InvalidTicketRequest.class, e -> assertThat(e.errors().get("attachments"))
                                .contains("“big.iso”").contains("at most 64 KB"));
                assertThatThrownBy(() -> tickets.apply(ROOT, onFiles.ticketId(), new TicketAction.AddNote("Note", "x", false,
                        List.of(new NewAttachment(" .. ", "text/plain", BINARY)))))
                        .isInstanceOfSatisfying(InvalidTicketRequest.class, e -> assertThat(e.errors())
                                .containsEntry("attachments", "Every attachment needs a file name."));
                assertThat(db.fetchCount(TICKET)).isEqualTo(ticketsBefore);
                assertThat(db.fetchCount(ARTICLE)).isEqualTo(articlesBefore);
                assertThat(filesUnder(storage)).isEqualTo(filesBefore);
            }

            try (RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.article.storage-path=" + storage)) {
                DSLContext db = jotrs.bean(DSLContext.class);
                TicketService tickets = jotrs.bean(TicketService.class);
                CreatedTicket inDatabase = tickets.createPhoneTicket(ROOT, new NewPhoneTicket(RAW, "carla", "Logs", "Logs attached.",
                        null, null, null, List.of(new NewAttachment("../../etc/passwd", "text/plain", BINARY))));
                tickets.apply(ROOT, inDatabase.ticketId(), new TicketAction.AddNote("Note", "Two more.", false,
                        List.of(new NewAttachment("b.txt", null, "B".getBytes(StandardCharsets.UTF_8)),
                                new NewAttachment("a.txt", "text/plain", "A".getBytes(StandardCharsets.UTF_8)))));

                // ArticleStorageDB, in OTRS's encoding per database, checked without jOOQ.
                String storedName;
                try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("SELECT filename, content_type, content_size, disposition, content"
                                + " FROM article_data_mime_attachment WHERE article_id = " + inDatabase.articleId())) {
                    assertThat(row.next()).isTrue();
                    storedName = row.getString("filename");
                    // OTRS's FilenameCleanUp: separators replaced, the MD5 of the original name added before the "extension".
                    assertThat(storedName).isEqualTo("_._" + org.apache.commons.codec.digest.DigestUtils.md5Hex("../../etc/passwd")
                            + "._etc_passwd");
                    assertThat(row.getString("content_type")).isEqualTo("text/plain");
                    assertThat(row.getString("content_size")).isEqualTo(Integer.toString(BINARY.length));
                    assertThat(row.getString("disposition")).isEqualTo("attachment");
                    if (kind == DatabaseKind.POSTGRESQL) {
                        String text = row.getString("content");
                        assertThat(text).isEqualTo(Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(BINARY) + "\n");
                        assertThat(text.lines()).allMatch(line -> line.length() <= 76);
                    } else {
                        assertThat(row.getBytes("content")).isEqualTo(BINARY);
                    }
                    assertThat(row.next()).isFalse();
                }
                assertThat(tickets.attachment(ROOT, inDatabase.ticketId(), inDatabase.articleId(), 1).content()).isEqualTo(BINARY);
                var note = tickets.details(ROOT, inDatabase.ticketId()).articles().getLast();
                assertThat(note.attachments()).extracting(AttachmentInfo::fileId, AttachmentInfo::filename, AttachmentInfo::contentType)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "a.txt", "text/plain"),
                                org.assertj.core.groups.Tuple.tuple(2, "b.txt", "application/octet-stream"));
                assertThat(tickets.attachment(ROOT, inDatabase.ticketId(), note.id(), 2).content()).asString().isEqualTo("B");

                // The file-system article of the first start is still found with the database backend on.
                var scanned = tickets.details(ROOT, onFiles.ticketId()).articles().getFirst();
                assertThat(scanned.attachments()).hasSize(3);
                assertThat(tickets.attachment(ROOT, onFiles.ticketId(), onFiles.articleId(), 3).content()).isEqualTo(BINARY);
                // An article is only reachable through its own ticket.
                assertThatThrownBy(() -> tickets.attachment(ROOT, inDatabase.ticketId(), onFiles.articleId(), 1))
                        .isInstanceOf(org.jotrs.ticket.NoSuchAttachment.class);
                assertThatThrownBy(() -> tickets.attachment(ROOT, onFiles.ticketId(), onFiles.articleId(), 4))
                        .isInstanceOf(org.jotrs.ticket.NoSuchAttachment.class);

                // HTML bodies: plain text in a_body, the HTML as file-2 the way OTRS stores it.
                ArticleService articles = jotrs.bean(ArticleService.class);
                long htmlArticle = jotrs.bean(TransactionTemplate.class).execute(status -> articles.add(new NewArticle(
                        inDatabase.ticketId(), SenderType.CUSTOMER, Channel.EMAIL, true, "carla@example.com", "Raw",
                        "Newsletter", null, ROOT, "<p>Hello <b>Carla</b></p><p>See <img src=\"cid:logo@acme\"> and"
                                + " <img src=\"https://tracker.example/pixel.gif\"></p><script>alert(1)</script>",
                        List.of(new NewAttachment("logo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                                "logo@acme", "inline")))));
                var mime = db.selectFrom(ARTICLE_DATA_MIME).where(ARTICLE_DATA_MIME.ARTICLE_ID.eq(htmlArticle)).fetchSingle();
                assertThat(mime.getABody()).isEqualTo("Hello Carla\nSee and");
                assertThat(mime.getAContentType()).isEqualTo("text/plain; charset=utf-8");
                var htmlRow = db.selectFrom(ARTICLE_DATA_MIME_ATTACHMENT)
                        .where(ARTICLE_DATA_MIME_ATTACHMENT.ARTICLE_ID.eq(htmlArticle))
                        .and(ARTICLE_DATA_MIME_ATTACHMENT.FILENAME.eq("file-2")).fetchSingle();
                assertThat(htmlRow.getContentType()).isEqualTo("text/html; charset=\"utf-8\"");
                assertThat(htmlRow.getDisposition()).isEmpty();
                var view = tickets.details(ROOT, inDatabase.ticketId()).articles().stream()
                        .filter(a -> a.id() == htmlArticle).findFirst().orElseThrow();
                assertThat(view.html()).isTrue();
                assertThat(view.attachments()).extracting(AttachmentInfo::filename).containsExactly("logo.png");
                String page = tickets.articleHtml(ROOT, inDatabase.ticketId(), htmlArticle);
                assertThat(page).contains("<b>Carla</b>").contains("src=\"data:image/png;base64,iVBORw==\"")
                        .doesNotContain("<script").doesNotContain("alert(1)").doesNotContain("tracker.example");
                assertThatThrownBy(() -> tickets.articleHtml(ROOT, inDatabase.ticketId(), inDatabase.articleId()))
                        .isInstanceOf(org.jotrs.ticket.NoSuchAttachment.class);
            }
        } finally {
            deleteTree(storage);
        }
    }

    private static void customer(DSLContext db) {
        Customers.aCustomerUser("carla").in(db);
    }

    private static byte[] binary(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static List<String> filesUnder(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            return new ArrayList<>(paths.filter(Files::isRegularFile).map(root::relativize).map(Path::toString).sorted().toList());
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
