package org.jotrs.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME;
import static org.jotrs.platform.db.schema.Tables.ARTICLE_DATA_MIME_SEND_ERROR;
import static org.jotrs.platform.db.schema.Tables.JOTRS_MAIL_OUTBOX;
import static org.jotrs.platform.db.schema.Tables.MAIL_QUEUE;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

import jakarta.mail.internet.MimeMessage;

import org.jooq.DSLContext;
import org.jotrs.article.ArticleService;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.MailServer;
import org.jotrs.testing.OnEveryDatabase;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.NewEmailTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.jotrs.testing.OnEveryDatabase;
import org.junit.jupiter.api.Test;

/**
 * The outbox against a real SMTP server (GreenMail): mails of email tickets and replies reach the
 * customer's mailbox threaded and with the article's Message-ID; an unreachable server leads to
 * retries and, after the last attempt, a failed entry with OTRS's send-error row; an admin sends
 * it again and it arrives once.
 */
class OutboxSendingTest {

    private static final int ROOT = 1;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @OnEveryDatabase
    void mailsAreSentRetriedFailedAndSentAgain(DatabaseKind kind) throws Exception {
        MailServer smtp = MailServer.start("smtp");
        int port = smtp.smtpPort();
        try (TestDatabase database = TestDatabase.create(kind);
                RunningJotrs jotrs = RunningJotrs.start(database, "--jotrs.mail.smtp.host=127.0.0.1",
                        "--jotrs.mail.smtp.port=" + port, "--jotrs.mail.outbox.poll-interval=100ms",
                        "--jotrs.mail.outbox.retry-delay=200ms", "--jotrs.mail.outbox.max-attempts=2",
                        "--jotrs.scheduler.polling-interval=100ms")) {
            DSLContext db = jotrs.bean(DSLContext.class);
            TicketService tickets = jotrs.bean(TicketService.class);
            ArticleService articles = jotrs.bean(ArticleService.class);
            MailOutbox outbox = jotrs.bean(MailOutbox.class);
            Agents.customerCarla(db);

            CreatedTicket created = tickets.createEmailTicket(ROOT, new NewEmailTicket(2, "carla", "", "", "Your laptop",
                    "It is ready.", null, null, null, null, null, null, List.of()));
            MimeMessage first = smtp.awaitReceived(1, WAIT).get(0);
            String firstId = db.select(ARTICLE_DATA_MIME.A_MESSAGE_ID).from(ARTICLE_DATA_MIME)
                    .where(ARTICLE_DATA_MIME.ARTICLE_ID.eq(created.articleId())).fetchSingle().value1();
            assertThat(first.getMessageID()).isEqualTo(firstId);
            assertThat(first.getSubject()).isEqualTo("[Ticket#" + created.ticketNumber() + "] Your laptop");
            assertThat(first.getAllRecipients()).extracting(Object::toString).containsExactly("Carla Customer <carla@example.com>");
            assertThat(first.getFrom()[0].toString()).contains("jotrs@localhost");
            assertThat(((String) first.getContent()).strip()).isEqualTo("It is ready.");
            // OTRS keeps the sent message with the article; nothing goes to OTRS's own queue.
            String kept = new String(articles.rawMessage(created.articleId()).orElseThrow(), StandardCharsets.US_ASCII);
            assertThat(kept).contains("Message-ID: " + firstId).contains("Subject: [Ticket#" + created.ticketNumber());
            assertThat(db.fetchCount(MAIL_QUEUE)).isZero();
            MailServer.await(() -> db.fetchCount(JOTRS_MAIL_OUTBOX) == 0, WAIT, () -> "outbox emptied");

            tickets.apply(ROOT, created.ticketId(), new TicketAction.SendMail(TicketAction.MailKind.REPLY,
                    created.articleId(), "carla@example.com", "", "", "Re: Your laptop", "And the charger.", null));
            MimeMessage reply = smtp.awaitReceived(2, WAIT).get(1);
            assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(firstId);
            assertThat(reply.getHeader("References", null)).contains(firstId);
            assertThat(reply.getSubject()).contains("[Ticket#" + created.ticketNumber() + "]");

            // The server goes away: two attempts, then the mail stays, failed, and the article says so.
            smtp.close();
            CreatedTicket unlucky = tickets.createEmailTicket(ROOT, new NewEmailTicket(2, "carla", "", "", "Invoice",
                    "Attached soon.", null, null, null, null, null, null, List.of()));
            MailServer.await(() -> articles.sendError(unlucky.articleId()).isPresent(), WAIT, () -> "send error recorded");
            OutboxEntry failed = outbox.entries(ROOT, 10).get(0);
            assertThat(failed.failed()).isTrue();
            assertThat(failed.attempts()).isEqualTo(2);
            assertThat(failed.articleId()).isEqualTo(unlucky.articleId());
            assertThat(failed.lastError()).contains("not usable");
            assertThat(outbox.counts(ROOT)).isEqualTo(new MailOutbox.Counts(0, 1));
            assertThat(db.fetchCount(ARTICLE_DATA_MIME_SEND_ERROR, ARTICLE_DATA_MIME_SEND_ERROR.ARTICLE_ID.eq(unlucky.articleId())))
                    .isEqualTo(1);

            // The admin sees it on the outbox screen; the server is back; "Send again" delivers it once.
            var root = jotrs.agent();
            root.signIn("root@localhost", jotrs.firstStartPassword().orElseThrow());
            String page = root.get("/admin/outbox").body();
            assertThat(page).contains("1 failed").contains("[Ticket#" + unlucky.ticketNumber() + "] Invoice")
                    .contains("not usable");
            // The ticket's zoom shows the failure beside the article.
            String zoom = root.get("/tickets/" + unlucky.ticketId()).body();
            assertThat(zoom).contains("This mail was not delivered:").contains("not usable");
            smtp = MailServer.startOn(port, "smtp");
            assertThat(root.submit("/admin/outbox", "/admin/outbox/" + failed.id() + "/send-again", java.util.Map.of())
                    .statusCode()).isEqualTo(302);
            MimeMessage late = smtp.awaitReceived(1, WAIT).get(0);
            assertThat(late.getSubject()).isEqualTo("[Ticket#" + unlucky.ticketNumber() + "] Invoice");
            MailServer.await(() -> db.fetchCount(JOTRS_MAIL_OUTBOX) == 0, WAIT, () -> "outbox emptied");
            assertThat(articles.sendError(unlucky.articleId())).isEmpty();
            assertThat(root.get("/tickets/" + unlucky.ticketId()).body()).doesNotContain("This mail was not delivered:");
            assertThat(smtp.received()).hasSize(1);
        } finally {
            smtp.close();
        }
    }

    @Test
    void smtpsWithPasswordAndXoauth2WithTokenRefresh() throws Exception {
        try (MailServer smtps = MailServer.start("smtps")) {
            smtps.greenMail().setUser("desk@example.com", "desk", "s3cret");
            HttpServer tokenEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            tokenEndpoint.createContext("/token", exchange -> {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean good = form.contains("refresh_token=good-refresh") && form.contains("client_id=jotrs");
                byte[] answer = (good ? "{\"access_token\":\"s3cret\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                        : "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token expired\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(good ? 200 : 400, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            tokenEndpoint.start();
            String tokenUrl = "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token";
            try {
                sendOne(smtps, "PLAIN", "--jotrs.mail.smtp.password=s3cret");
                sendOne(smtps, "XOAUTH2", "--jotrs.mail.smtp.oauth2.token-url=" + tokenUrl,
                        "--jotrs.mail.smtp.oauth2.client-id=jotrs", "--jotrs.mail.smtp.oauth2.refresh-token=good-refresh");
                String expired = failOne(smtps, "--jotrs.mail.smtp.oauth2.token-url=" + tokenUrl,
                        "--jotrs.mail.smtp.oauth2.client-id=jotrs", "--jotrs.mail.smtp.oauth2.refresh-token=old-refresh");
                assertThat(expired).contains("invalid_grant").contains("refresh token expired").doesNotContain("old-refresh");
                String wrong = failOne(smtps, "--jotrs.mail.smtp.password=wrong");
                assertThat(wrong).containsIgnoringCase("auth");
            } finally {
                tokenEndpoint.stop(0);
            }
        }
    }

    private static void sendOne(MailServer smtps, String subject, String... auth) throws Exception {
        int before = smtps.received().size();
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, arguments(smtps, auth))) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Agents.customerCarla(db);
            jotrs.bean(TicketService.class).createEmailTicket(ROOT, new NewEmailTicket(2, "carla", "", "", subject,
                    "Body.", null, null, null, null, null, null, List.of()));
            MimeMessage message = smtps.awaitReceived(before + 1, WAIT).get(before);
            assertThat(message.getSubject()).endsWith(subject);
        }
    }

    private static String failOne(MailServer smtps, String... auth) {
        try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                RunningJotrs jotrs = RunningJotrs.start(database, arguments(smtps, auth))) {
            DSLContext db = jotrs.bean(DSLContext.class);
            Agents.customerCarla(db);
            int before = smtps.received().size();
            CreatedTicket created = jotrs.bean(TicketService.class).createEmailTicket(ROOT, new NewEmailTicket(2, "carla",
                    "", "", "Refused", "Body.", null, null, null, null, null, null, List.of()));
            ArticleService articles = jotrs.bean(ArticleService.class);
            MailServer.await(() -> articles.sendError(created.articleId()).isPresent(), WAIT, () -> "send error recorded");
            assertThat(smtps.received()).hasSize(before);
            return articles.sendError(created.articleId()).orElseThrow();
        }
    }

    private static String[] arguments(MailServer smtps, String... auth) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--jotrs.mail.smtp.host=127.0.0.1",
                "--jotrs.mail.smtp.port=" + smtps.smtpPort(), "--jotrs.mail.smtp.security=TLS",
                "--jotrs.mail.smtp.ssl-trust=*", "--jotrs.mail.smtp.username=desk",
                "--jotrs.mail.outbox.poll-interval=100ms", "--jotrs.mail.outbox.retry-delay=100ms",
                "--jotrs.mail.outbox.max-attempts=1", "--jotrs.scheduler.polling-interval=100ms"));
        arguments.addAll(List.of(auth));
        return arguments.toArray(String[]::new);
    }
}
