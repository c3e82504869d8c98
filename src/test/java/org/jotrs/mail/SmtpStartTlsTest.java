package org.jotrs.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.jooq.DSLContext;
import org.jotrs.article.ArticleService;
import org.jotrs.platform.DatabaseKind;
import org.jotrs.testing.Agents;
import org.jotrs.testing.MailServer;
import org.jotrs.testing.RunningJotrs;
import org.jotrs.testing.StartTlsFront;
import org.jotrs.testing.TestDatabase;
import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.NewEmailTicket;
import org.jotrs.ticket.TicketService;
import org.junit.jupiter.api.Test;

/**
 * {@code jotrs.mail.smtp.security=STARTTLS} against a server that requires it (a STARTTLS front
 * on GreenMail, see {@link StartTlsFront}): the mail goes out over the upgraded connection;
 * against a server that does not offer STARTTLS the mail is not sent in the clear but fails with
 * the reason on its article.
 */
class SmtpStartTlsTest {

    private static final int ROOT = 1;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void mailGoesOutOnlyOverStartTls() {
        try (MailServer smtp = MailServer.start("smtp"); StartTlsFront front = StartTlsFront.start(StartTlsFront.Protocol.SMTP, smtp.smtpPort())) {
            try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                    RunningJotrs jotrs = RunningJotrs.start(database, arguments(front.port()))) {
                DSLContext db = jotrs.bean(DSLContext.class);
                Agents.customerCarla(db);
                jotrs.bean(TicketService.class).createEmailTicket(ROOT, new NewEmailTicket(2, "carla", "", "", "Over TLS",
                        "Encrypted on the way.", null, null, null, null, null, null, List.of()));
                MimeMessage message = smtp.awaitReceived(1, WAIT).getFirst();
                assertThat(message.getSubject()).endsWith("Over TLS");
                assertThat(front.upgraded()).isPositive();
                assertThat(front.refusedBeforeTls()).isZero();
            }
            // The same settings against GreenMail's plain port, which offers no STARTTLS: refused, not sent in the clear.
            try (TestDatabase database = TestDatabase.create(DatabaseKind.H2);
                    RunningJotrs jotrs = RunningJotrs.start(database, arguments(smtp.smtpPort()))) {
                DSLContext db = jotrs.bean(DSLContext.class);
                Agents.customerCarla(db);
                CreatedTicket created = jotrs.bean(TicketService.class).createEmailTicket(ROOT, new NewEmailTicket(2, "carla",
                        "", "", "Never in clear", "Body.", null, null, null, null, null, null, List.of()));
                ArticleService articles = jotrs.bean(ArticleService.class);
                MailServer.await(() -> articles.sendError(created.articleId()).isPresent(), WAIT, () -> "send error recorded");
                assertThat(articles.sendError(created.articleId()).orElseThrow()).containsIgnoringCase("STARTTLS");
                assertThat(smtp.received()).hasSize(1);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String[] arguments(int port) {
        return new String[] {"--jotrs.mail.smtp.host=127.0.0.1", "--jotrs.mail.smtp.port=" + port,
                "--jotrs.mail.smtp.security=STARTTLS", "--jotrs.mail.smtp.ssl-trust=*",
                "--jotrs.mail.outbox.poll-interval=100ms", "--jotrs.mail.outbox.retry-delay=100ms",
                "--jotrs.mail.outbox.max-attempts=1", "--jotrs.scheduler.polling-interval=100ms"};
    }
}
